package com.licenseflow.inventory.audit;

import com.licenseflow.shared.Page;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.PagedQuery;
import com.licenseflow.shared.Rows;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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

    /** How many {@code action} rows the product has had since {@code since}: a trend, e.g. licenses given out. */
    public int count(String productId, AuditAction action, Instant since) {
        return jdbc.sql("select count(*) from audit_log where product_id = ? and action = ? and occurred_at >= ?")
                .params(productId, action.name(), Rows.timestamp(since))
                .query(Integer.class)
                .single();
    }

    /** A page of the trail, newest first. */
    public Page<AuditEntry> find(AuditSearch search, PageRequest page) {
        String where = """
                where (cast(:userId as varchar(64)) is null or user_id = :userId)
                  and (cast(:productId as varchar(64)) is null or product_id = :productId)
                  and (cast(:actor as varchar(64)) is null or actor = :actor)
                  and (cast(:action as varchar(40)) is null or action = :action)
                  and (cast(:subscriptionId as bigint) is null or subscription_id = :subscriptionId)
                  and (cast(:processInstanceId as varchar(64)) is null or process_instance_id = :processInstanceId)""";
        Map<String, Object> params = new HashMap<>();
        params.put("userId", search.userId());
        params.put("productId", search.productId());
        params.put("actor", search.actor());
        params.put("action", search.action() == null ? null : search.action().name());
        params.put("subscriptionId", search.subscriptionId());
        params.put("processInstanceId", search.processInstanceId());
        return PagedQuery.page(
                jdbc,
                "*",
                "from audit_log " + where,
                "id desc",
                params,
                page,
                (rs, n) -> new AuditEntry(
                        rs.getLong("id"),
                        Rows.instant(rs, "occurred_at"),
                        rs.getString("actor"),
                        AuditAction.valueOf(rs.getString("action")),
                        rs.getString("user_id"),
                        rs.getString("product_id"),
                        Rows.nullableLong(rs, "subscription_id"),
                        rs.getString("details"),
                        rs.getString("reason"),
                        rs.getString("process_instance_id")));
    }
}
