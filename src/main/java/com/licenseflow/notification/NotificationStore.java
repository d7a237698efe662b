package com.licenseflow.notification;

import com.licenseflow.domain.Rows;
import jakarta.mail.internet.InternetAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification table. Every write runs in a transaction of its own that commits at once
 * (REQUIRES_NEW): a message is on record before SMTP is tried, and its delivery is on record right
 * after SMTP accepted it, whatever the engine transaction around the calling job does next. The
 * rows written here are never written by that outer transaction, so it never waits on them.
 */
@Repository
public class NotificationStore {

    static final int MAX_BODY = 100_000;
    private static final int MAX_ERROR = 2000;
    private static final int MAX_NAME = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public NotificationStore(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The message recorded under this key, as committed. */
    public Optional<NotificationRecord> find(String idempotencyKey) {
        return ownTransaction.execute(status -> jdbc.sql("select * from notification where idempotency_key = ?")
                .param(idempotencyKey).query(NotificationStore::row).optional());
    }

    /** Records the message QUEUED and commits; when the key was recorded meanwhile, that record stands. */
    public NotificationRecord insert(Notification notification, InternetAddress recipient, RenderedMail mail) {
        requireFits("plain-text body", mail.text());
        requireFits("HTML body", mail.html());
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                            insert into notification (idempotency_key, kind, recipient_email, recipient_name, subject,
                                text_body, html_body, process_instance_id, subscription_id, license_request_id,
                                status, attempts, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?)""")
                    .params(notification.idempotencyKey(), notification.kind().name(), recipient.getAddress(),
                            truncate(recipient.getPersonal(), MAX_NAME), mail.subject(), mail.text(), mail.html(),
                            notification.processInstanceId(), notification.subscriptionId(),
                            notification.licenseRequestId(), Rows.timestamp(Instant.now(clock)))
                    .update());
        } catch (DuplicateKeyException recordedMeanwhile) {
            // Another caller recorded the same key first; its content stands.
        }
        return find(notification.idempotencyKey()).orElseThrow();
    }

    public void markSent(long id) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        update notification set status = 'SENT', sent_at = ?, attempts = attempts + 1
                        where id = ? and status = 'QUEUED'""")
                .params(Rows.timestamp(Instant.now(clock)), id).update());
    }

    public void markFailed(long id, String error) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql("""
                        update notification set attempts = attempts + 1, last_error = ?
                        where id = ? and status = 'QUEUED'""")
                .params(truncate(error, MAX_ERROR), id).update());
    }

    public Optional<NotificationRecord> byId(long id) {
        return jdbc.sql("select * from notification where id = ?").param(id).query(NotificationStore::row).optional();
    }

    /** Newest first. Filter values left null are not filtered on; the recipient matches ignoring case. */
    public List<NotificationRecord> recent(NotificationFilter filter, int limit) {
        return jdbc.sql("""
                        select * from notification
                        where (cast(:recipient as varchar(320)) is null or lower(recipient_email) = lower(:recipient))
                          and (cast(:processInstanceId as varchar(64)) is null or process_instance_id = :processInstanceId)
                          and (cast(:subscriptionId as bigint) is null or subscription_id = :subscriptionId)
                          and (cast(:licenseRequestId as varchar(64)) is null or license_request_id = :licenseRequestId)
                          and (cast(:status as varchar(10)) is null or status = :status)
                        order by id desc
                        fetch first :limit rows only""")
                .param("recipient", filter.recipient())
                .param("processInstanceId", filter.processInstanceId())
                .param("subscriptionId", filter.subscriptionId())
                .param("licenseRequestId", filter.licenseRequestId())
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("limit", limit)
                .query(NotificationStore::row)
                .list();
    }

    private static NotificationRecord row(ResultSet rs, int n) throws SQLException {
        return new NotificationRecord(rs.getLong("id"), rs.getString("idempotency_key"),
                NotificationKind.valueOf(rs.getString("kind")), rs.getString("recipient_email"),
                rs.getString("recipient_name"), rs.getString("subject"), rs.getString("text_body"),
                rs.getString("html_body"), rs.getString("process_instance_id"), Rows.nullableLong(rs, "subscription_id"),
                rs.getString("license_request_id"), NotificationStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), rs.getString("last_error"), Rows.instant(rs, "created_at"),
                Rows.instant(rs, "sent_at"));
    }

    private static void requireFits(String what, String text) {
        if (text.length() > MAX_BODY) {
            throw new IllegalArgumentException("The rendered " + what + " is " + text.length()
                    + " characters long; at most " + MAX_BODY + " are kept. Pass a shorter model (fewer users?)");
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
