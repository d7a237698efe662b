package com.licenseflow.domain.audit;

import com.licenseflow.domain.Rows;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The append-only record of every inventory change. It only inserts; nothing in the application
 * updates or deletes an audit row. Writes join the caller's transaction, so a change and its
 * audit row commit or roll back together.
 */
@Repository
public class AuditTrail {

    private static final String INSERT = """
            insert into audit_log (occurred_at, actor, action, user_id, product_id, subscription_id, details,
                                   reason, process_instance_id)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(ChangeContext context, AuditAction action, String userId, String productId,
                       Long subscriptionId, String details) {
        jdbc.sql(INSERT)
                .params(Rows.timestamp(Instant.now(clock)), context.actorId(), action.name(), userId, productId,
                        subscriptionId, details, context.reason(), context.processInstanceId())
                .update();
    }

    /** Filter values left null are not filtered on. Newest first. */
    public List<AuditEntry> find(String userId, Long subscriptionId, String processInstanceId, int limit) {
        return jdbc.sql("""
                        select * from audit_log
                        where (cast(:userId as varchar(64)) is null or user_id = :userId)
                          and (cast(:subscriptionId as bigint) is null or subscription_id = :subscriptionId)
                          and (cast(:processInstanceId as varchar(64)) is null or process_instance_id = :processInstanceId)
                        order by id desc
                        fetch first :limit rows only""")
                .param("userId", userId)
                .param("subscriptionId", subscriptionId)
                .param("processInstanceId", processInstanceId)
                .param("limit", limit)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), Rows.instant(rs, "occurred_at"),
                        rs.getString("actor"), AuditAction.valueOf(rs.getString("action")), rs.getString("user_id"),
                        rs.getString("product_id"), Rows.nullableLong(rs, "subscription_id"), rs.getString("details"),
                        rs.getString("reason"), rs.getString("process_instance_id")))
                .list();
    }
}
