package com.licenseflow.notification;

import com.licenseflow.shared.Page;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.PagedQuery;
import com.licenseflow.shared.Rows;
import jakarta.mail.internet.InternetAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The notification table. A message is recorded either by the step that decided it, in that step's
 * transaction ({@link #insertWithCaller}, an outbox row), or when it is sent. Sending records each
 * attempt in short transactions of its own around the SMTP call (never beside another open
 * transaction, so a sender needs one database connection at a time): the attempt is committed
 * before the server is asked, its outcome right after.
 */
@Repository
class NotificationStore {

    static final int MAX_BODY = 100_000;
    private static final String INSERT = """
            insert into notification (idempotency_key, kind, recipient_email, recipient_name, subject, text_body,
                html_body, process_instance_id, subscription_id, license_request_id, status, attempts, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', 0, ?)""";
    private static final int MAX_ERROR = 2000;
    private static final int MAX_NAME = 200;

    /** What {@link #startAttempt} found. */
    public enum Attempt {
        /** Recorded and committed: send it now. */
        STARTED,
        /** Sent already: nothing to do. */
        SENT_ALREADY,
        /** An earlier attempt was cut off after the server may have accepted it: not sent again by itself. */
        OUTCOME_UNKNOWN
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public NotificationStore(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        // REQUIRED, never REQUIRES_NEW: a second transaction beside an open one needs a second connection,
        // and senders waiting for one each exhaust the pool.
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The message recorded under this key. */
    public Optional<NotificationRecord> find(String idempotencyKey) {
        return jdbc.sql("select * from notification where idempotency_key = ?")
                .param(idempotencyKey)
                .query(NotificationStore::row)
                .optional();
    }

    /** Records the message QUEUED unless the key is recorded already (then that record stands) and returns the record. */
    public NotificationRecord insert(Notification notification, InternetAddress recipient, RenderedMail mail) {
        requireFits("plain-text body", mail.text());
        requireFits("HTML body", mail.html());
        Optional<NotificationRecord> earlier = find(notification.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        try {
            transaction.executeWithoutResult(status -> jdbc.sql(INSERT)
                    .params(values(notification, recipient, mail))
                    .update());
        } catch (DuplicateKeyException recordedMeanwhile) {
            // Another node recorded the same key first; its content stands.
        }
        return find(notification.idempotencyKey()).orElseThrow();
    }

    /**
     * Records the message QUEUED in the caller's transaction (an outbox row written by the step that
     * decided it), unless the key is recorded already.
     */
    public void insertWithCaller(Notification notification, InternetAddress recipient, RenderedMail mail) {
        requireFits("plain-text body", mail.text());
        requireFits("HTML body", mail.html());
        boolean recorded = jdbc.sql("select count(*) from notification where idempotency_key = ?")
                        .param(notification.idempotencyKey())
                        .query(Integer.class)
                        .single()
                > 0;
        if (!recorded) {
            jdbc.sql(INSERT).params(values(notification, recipient, mail)).update();
        }
    }

    /**
     * Records and commits an attempt to send the message, unless it was sent already or an earlier
     * attempt was cut off. An attempt cut off is reported once ({@link Attempt#OUTCOME_UNKNOWN}); the
     * attempt after that report is an admin's retry, which sends it again.
     */
    public Attempt startAttempt(long id) {
        return transaction.execute(status -> {
            OffsetDateTime now = Rows.timestamp(Instant.now(clock));
            int started = jdbc.sql("""
                            update notification set sending_since = ?, uncertain_since = null, attempts = attempts + 1
                            where id = ? and status = 'QUEUED' and (sending_since is null or uncertain_since is not null)""").params(now, id).update();
            if (started == 1) {
                return Attempt.STARTED;
            }
            int cutOff = jdbc.sql("""
                            update notification set uncertain_since = ?, last_error = ?
                            where id = ? and status = 'QUEUED' and sending_since is not null and uncertain_since is null""")
                    .params(
                            now,
                            "An attempt to send it was cut off (the application stopped) after the SMTP server "
                                    + "may have accepted it",
                            id)
                    .update();
            return cutOff == 1 ? Attempt.OUTCOME_UNKNOWN : Attempt.SENT_ALREADY;
        });
    }

    /** The SMTP server accepted it. */
    public void markSent(long id) {
        transaction.executeWithoutResult(status ->
                jdbc.sql("""
                        update notification set status = 'SENT', sent_at = ?, last_error = null
                        where id = ? and status = 'QUEUED'""").params(Rows.timestamp(Instant.now(clock)), id).update());
    }

    /** The SMTP server did not accept it: the attempt is over and the next one may send it. */
    public void markNotAccepted(long id, String error) {
        transaction.executeWithoutResult(
                status -> jdbc.sql("""
                        update notification set sending_since = null, last_error = ?
                        where id = ? and status = 'QUEUED'""").params(truncate(error, MAX_ERROR), id).update());
    }

    public Optional<NotificationRecord> byId(long id) {
        return jdbc.sql("select * from notification where id = ?")
                .param(id)
                .query(NotificationStore::row)
                .optional();
    }

    /** A page, newest first. Filter values left null are not filtered on; the recipient matches ignoring case. */
    public Page<NotificationRecord> page(NotificationFilter filter, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("recipient", filter.recipient());
        params.put("processInstanceId", filter.processInstanceId());
        params.put("subscriptionId", filter.subscriptionId());
        params.put("licenseRequestId", filter.licenseRequestId());
        params.put("status", filter.status() == null ? null : filter.status().name());
        return PagedQuery.page(jdbc, "*", """
                        from notification
                        where (cast(:recipient as varchar(320)) is null or lower(recipient_email) = lower(:recipient))
                          and (cast(:processInstanceId as varchar(64)) is null or process_instance_id = :processInstanceId)
                          and (cast(:subscriptionId as bigint) is null or subscription_id = :subscriptionId)
                          and (cast(:licenseRequestId as varchar(64)) is null or license_request_id = :licenseRequestId)
                          and (cast(:status as varchar(10)) is null or status = :status)""", "id desc", params, page, NotificationStore::row);
    }

    private Object[] values(Notification notification, InternetAddress recipient, RenderedMail mail) {
        return new Object[] {
            notification.idempotencyKey(),
            notification.kind().name(),
            recipient.getAddress(),
            truncate(recipient.getPersonal(), MAX_NAME),
            mail.subject(),
            mail.text(),
            mail.html(),
            notification.processInstanceId(),
            notification.subscriptionId(),
            notification.licenseRequestId(),
            Rows.timestamp(Instant.now(clock))
        };
    }

    private static NotificationRecord row(ResultSet rs, int n) throws SQLException {
        return new NotificationRecord(
                rs.getLong("id"),
                rs.getString("idempotency_key"),
                NotificationKind.valueOf(rs.getString("kind")),
                rs.getString("recipient_email"),
                rs.getString("recipient_name"),
                rs.getString("subject"),
                rs.getString("text_body"),
                rs.getString("html_body"),
                rs.getString("process_instance_id"),
                Rows.nullableLong(rs, "subscription_id"),
                rs.getString("license_request_id"),
                NotificationStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                Rows.instant(rs, "created_at"),
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
