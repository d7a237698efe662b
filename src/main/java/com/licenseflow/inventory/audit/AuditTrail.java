package com.licenseflow.inventory.audit;

import com.licenseflow.shared.Rows;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the append-only record of every inventory change. Only
 * {@link com.licenseflow.inventory.LicenseLedger} writes it, and only inserts: nothing updates or
 * deletes an audit row.
 */
@Repository
public class AuditTrail {

    private final JdbcClient jdbc;

    public AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Filter values left null are not filtered on. Newest first. */
    /** How many {@code action} rows the product has had since {@code since}: a trend, e.g. licenses given out. */
    public int count(String productId, AuditAction action, java.time.Instant since) {
        return jdbc.sql("select count(*) from audit_log where product_id = ? and action = ? and occurred_at >= ?")
                .params(productId, action.name(), com.licenseflow.shared.Rows.timestamp(since))
                .query(Integer.class).single();
    }

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
