package com.licenseflow.lifecycle;

import com.licenseflow.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of subscription_renewal, and the subscriptions whose terms are due for a review. */
@Repository
class RenewalRows {

    record Row(
            String processInstanceId,
            long subscriptionId,
            LocalDate expiresOn,
            boolean trial,
            Integer lastAlertDays,
            String decision,
            Integer seats,
            String decidedBy,
            String outcome) {}

    /** A subscription whose term ends by {@code by} and has no review yet. */
    record Due(long subscriptionId, LocalDate expiresOn, boolean trial) {}

    private final JdbcClient jdbc;

    RenewalRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Active central subscriptions whose term ends on or before {@code by} and is not under review yet. */
    List<Due> due(LocalDate by) {
        return jdbc.sql("""
                        select s.id, s.expires_on, s.trial from subscription s
                        where s.kind = 'CENTRAL' and s.status = 'ACTIVE' and s.tenant_sku_id is null and s.expires_on <= ?
                          and not exists (select 1 from subscription_renewal r
                                          where r.subscription_id = s.id and r.expires_on = s.expires_on)
                        order by s.expires_on, s.id""")
                .param(by)
                .query((rs, n) -> new Due(rs.getLong(1), Rows.date(rs, "expires_on"), rs.getBoolean(3)))
                .list();
    }

    void insert(String processInstanceId, Due due) {
        jdbc.sql("insert into subscription_renewal (process_instance_id, subscription_id, expires_on, trial) "
                        + "values (?, ?, ?, ?)")
                .params(processInstanceId, due.subscriptionId(), due.expiresOn(), due.trial())
                .update();
    }

    Optional<Row> find(String processInstanceId) {
        return jdbc.sql("select * from subscription_renewal where process_instance_id = ?")
                .param(processInstanceId)
                .query(RenewalRows::row)
                .optional();
    }

    void alerted(String processInstanceId, int days) {
        jdbc.sql("update subscription_renewal set last_alert_days = ? where process_instance_id = ?")
                .params(days, processInstanceId)
                .update();
    }

    void decide(String processInstanceId, String decision, Integer seats, String by, Instant at) {
        jdbc.sql("""
                        update subscription_renewal set decision = ?, seats = ?, decided_by = ?, decided_at = ?
                        where process_instance_id = ?""")
                .params(decision, seats, by, Rows.timestamp(at), processInstanceId)
                .update();
    }

    void outcome(String processInstanceId, String outcome, Instant at, String by) {
        jdbc.sql(
                        "update subscription_renewal set outcome = ?, ended_at = ?, ended_by = ? where process_instance_id = ?")
                .params(outcome, Rows.timestamp(at), by, processInstanceId)
                .update();
    }

    /** Who lost a license of the subscription when the review ended its term. */
    List<String> endedHolders(String processInstanceId) {
        return jdbc.sql("""
                        select a.user_id from license_assignment a
                        join subscription_renewal r on r.subscription_id = a.subscription_id
                        where r.process_instance_id = ? and r.outcome = 'ENDED' and a.unassigned_by = r.ended_by
                          and a.unassigned_at >= r.ended_at
                        order by a.user_id""").param(processInstanceId).query(String.class).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getString("process_instance_id"),
                rs.getLong("subscription_id"),
                Rows.date(rs, "expires_on"),
                rs.getBoolean("trial"),
                rs.getObject("last_alert_days", Integer.class),
                rs.getString("decision"),
                rs.getObject("seats", Integer.class),
                rs.getString("decided_by"),
                rs.getString("outcome"));
    }
}
