package com.licenseflow.request;

import com.licenseflow.shared.Rows;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of license_request_stage, and the policy a request was planned by. */
@Repository
class ApprovalStageRows {

    record StageRow(
            String requestId,
            int position,
            String approver,
            String timeout,
            String waitingForUser,
            String waitingForRole,
            int escalations,
            String outcome,
            String decidedBy,
            Instant decidedAt) {}

    private final JdbcClient jdbc;

    ApprovalStageRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void recordPolicy(String requestId, String policy) {
        jdbc.sql("update license_request set approval_policy = ? where id = ?")
                .params(policy.length() > 400 ? policy.substring(0, 400) : policy, requestId)
                .update();
    }

    Map<String, String> policies(Collection<String> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        Map<String, String> policies = new LinkedHashMap<>();
        jdbc.sql("select id, approval_policy from license_request where id in (:ids)")
                .param("ids", requestIds)
                .query(rs -> {
                    policies.put(rs.getString(1), rs.getString(2));
                });
        return policies;
    }

    void insert(String requestId, int position, String approver, String timeout) {
        jdbc.sql("insert into license_request_stage (request_id, position, approver, timeout) values (?, ?, ?, ?)")
                .params(requestId, position, approver, timeout)
                .update();
    }

    List<StageRow> of(String requestId) {
        return of(List.of(requestId)).getOrDefault(requestId, List.of());
    }

    Map<String, List<StageRow>> of(Collection<String> requestIds) {
        if (requestIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<StageRow>> stages = new LinkedHashMap<>();
        jdbc.sql("select * from license_request_stage where request_id in (:ids) order by request_id, position")
                .param("ids", requestIds)
                .query((rs, n) -> new StageRow(
                        rs.getString("request_id"),
                        rs.getInt("position"),
                        rs.getString("approver"),
                        rs.getString("timeout"),
                        rs.getString("waiting_for_user"),
                        rs.getString("waiting_for_role"),
                        rs.getInt("escalations"),
                        rs.getString("outcome"),
                        rs.getString("decided_by"),
                        Rows.instant(rs, "decided_at")))
                .list()
                .forEach(row -> stages.computeIfAbsent(row.requestId(), k -> new java.util.ArrayList<>())
                        .add(row));
        return stages;
    }

    void waitFor(String requestId, int position, String user, String role, boolean escalated) {
        jdbc.sql("""
                        update license_request_stage set waiting_for_user = ?, waiting_for_role = ?,
                               escalations = escalations + ?
                        where request_id = ? and position = ?""").params(user, role, escalated ? 1 : 0, requestId, position).update();
    }

    void decide(String requestId, int position, String outcome, String decidedBy, Instant at) {
        jdbc.sql("""
                        update license_request_stage set outcome = ?, decided_by = ?, decided_at = ?
                        where request_id = ? and position = ?""")
                .params(outcome, decidedBy, Rows.timestamp(at), requestId, position)
                .update();
    }
}
