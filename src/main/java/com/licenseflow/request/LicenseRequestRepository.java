package com.licenseflow.request;

import com.licenseflow.shared.Page;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.PagedQuery;
import com.licenseflow.shared.Rows;
import com.licenseflow.shared.Rule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class LicenseRequestRepository {

    private static final String SELECT = """
            select r.*, p.name as product_name, u.display_name as requester_name, a.name as assigned_product_name,
                   ru.user_id, ru.outcome, ru_user.display_name as user_name, ru_user.email as user_email
            from license_request r join product p on p.id = r.product_id join directory_user u on u.id = r.requester_id
            left join product a on a.id = r.assigned_product_id
            join license_request_user ru on ru.request_id = r.id
            join directory_user ru_user on ru_user.id = ru.user_id
            """;

    private final JdbcClient jdbc;

    public LicenseRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(
            String id,
            String productId,
            String requesterId,
            String justification,
            Instant requestedAt,
            String processInstanceId,
            List<String> userIds,
            LocalDate endsOn) {
        jdbc.sql("""
                        insert into license_request (id, product_id, requester_id, justification, requested_at, status,
                               process_instance_id, ends_on)
                        values (?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
                .params(
                        id,
                        productId,
                        requesterId,
                        justification,
                        Rows.timestamp(requestedAt),
                        processInstanceId,
                        endsOn)
                .update();
        for (int i = 0; i < userIds.size(); i++) {
            jdbc.sql(
                            "insert into license_request_user (request_id, user_id, position, outcome) values (?, ?, ?, 'PENDING')")
                    .params(id, userIds.get(i), i)
                    .update();
        }
    }

    /** The day the licenses the request grants end: set by the approval policy, moved by an extension. */
    public void changeEndDate(String id, LocalDate endsOn) {
        jdbc.sql("update license_request set ends_on = ? where id = ?")
                .params(endsOn, id)
                .update();
    }

    public Optional<LicenseRequest> find(String id) {
        return load("where r.id = :id", "r.id", Map.of("id", id)).stream().findFirst();
    }

    public LicenseRequest require(String id) {
        return find(id).orElseThrow(() -> Rule.UNKNOWN_LICENSE_REQUEST.violation("There is no license request '" + id
                + "' (completed requests leave the list after the retention period)."));
    }

    public Optional<LicenseRequest> findByProcessInstance(String processInstanceId) {
        return load("where r.process_instance_id = :pid", "r.id", Map.of("pid", processInstanceId)).stream()
                .findFirst();
    }

    /**
     * Pending requests, or completed ones completed at or after {@code completedSince}; only those
     * {@code involving} requested or is named in, when given. Newest first.
     */
    /** A page of the Requests list, newest first: the page's ids, then those requests with their users. */
    public Page<LicenseRequest> page(boolean completed, Instant completedSince, String involving, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(
                completed ? "where r.status <> 'PENDING' and r.completed_at >= :since" : "where r.status = 'PENDING'");
        if (completed) {
            params.put("since", Rows.timestamp(completedSince));
        }
        if (involving != null) {
            where.append(" and (r.requester_id = :user or exists (select 1 from license_request_user mine "
                    + "where mine.request_id = r.id and mine.user_id = :user))");
            params.put("user", involving);
        }
        Page<String> ids = PagedQuery.page(
                jdbc,
                "r.id",
                "from license_request r " + where,
                "r.requested_at desc, r.id",
                params,
                page,
                (rs, n) -> rs.getString(1));
        Map<String, LicenseRequest> found = new LinkedHashMap<>();
        if (!ids.items().isEmpty()) {
            load("where r.id in (:ids)", "r.id", Map.of("ids", ids.items())).forEach(r -> found.put(r.id(), r));
        }
        return ids.map(found::get);
    }

    /** Users among {@code userIds} who already wait in a pending request for {@code productId}, with that request. */
    public Map<String, String> pendingRequestsOf(String productId, Collection<String> userIds) {
        Map<String, String> found = new LinkedHashMap<>();
        jdbc.sql("""
                        select ru.user_id, r.id from license_request r join license_request_user ru on ru.request_id = r.id
                        where r.status = 'PENDING' and r.product_id = :product and ru.user_id in (:users)""").param("product", productId).param("users", userIds).query(rs -> {
            found.put(rs.getString(1), rs.getString(2));
        });
        return found;
    }

    public void complete(
            String id,
            LicenseRequestStatus status,
            String decidedBy,
            Instant at,
            String assignedProductId,
            String disabledPlans,
            String message,
            Map<String, UserOutcome> outcomes) {
        int updated = jdbc.sql("""
                        update license_request set status = ?, decided_by = ?, decided_at = ?, assigned_product_id = ?,
                               disabled_plans = ?, decision_message = ?, completed_at = ?
                        where id = ? and status = 'PENDING'""")
                .params(
                        status.name(),
                        decidedBy,
                        decidedBy == null ? null : Rows.timestamp(at),
                        assignedProductId,
                        disabledPlans,
                        message,
                        Rows.timestamp(at),
                        id)
                .update();
        if (updated != 1) {
            throw Rule.REQUEST_NOT_PENDING.violation("License request " + id + " was already completed.");
        }
        outcomes.forEach((user, outcome) -> jdbc.sql(
                        "update license_request_user set outcome = ? where request_id = ? and user_id = ?")
                .params(outcome.name(), id, user)
                .update());
    }

    /** After the decision: some users' outcome changed (Microsoft 365 refused them), and with it the status. */
    public void changeOutcomes(String id, LicenseRequestStatus status, Map<String, UserOutcome> outcomes) {
        int updated = jdbc.sql(
                        "update license_request set status = ? where id = ? and status in ('APPROVED', 'PARTLY_APPROVED')")
                .params(status.name(), id)
                .update();
        if (updated != 1) {
            throw Rule.REQUEST_NOT_PENDING.violation("License request " + id + " was not approved.");
        }
        outcomes.forEach((user, outcome) -> jdbc.sql(
                        "update license_request_user set outcome = ? where request_id = ? and user_id = ?")
                .params(outcome.name(), id, user)
                .update());
    }

    /** R3: removes completed requests completed before {@code cutoff}; returns how many. */
    public int deleteCompletedBefore(Instant cutoff) {
        return jdbc.sql("delete from license_request where status <> 'PENDING' and completed_at < ?")
                .param(Rows.timestamp(cutoff))
                .update();
    }

    /** One round trip: requests with their users (one row per user, in the order they were named). */
    private List<LicenseRequest> load(String where, String orderBy, Map<String, ?> params) {
        Map<String, LicenseRequest> requests = new LinkedHashMap<>();
        jdbc.sql(SELECT + where + " order by " + orderBy + ", ru.position")
                .params(params)
                .query(rs -> {
                    LicenseRequest request = requests.get(rs.getString("id"));
                    if (request == null) {
                        request = new LicenseRequest(
                                rs.getString("id"),
                                rs.getString("product_id"),
                                rs.getString("product_name"),
                                rs.getString("requester_id"),
                                rs.getString("requester_name"),
                                rs.getString("justification"),
                                Rows.instant(rs, "requested_at"),
                                LicenseRequestStatus.valueOf(rs.getString("status")),
                                rs.getString("process_instance_id"),
                                rs.getString("decided_by"),
                                Rows.instant(rs, "decided_at"),
                                rs.getString("assigned_product_id"),
                                rs.getString("assigned_product_name"),
                                Rows.planSet(rs.getString("disabled_plans")),
                                rs.getString("decision_message"),
                                Rows.instant(rs, "completed_at"),
                                new ArrayList<>(),
                                rs.getObject("ends_on", LocalDate.class));
                        requests.put(request.id(), request);
                    }
                    request.users()
                            .add(new RequestedUser(
                                    rs.getString("user_id"),
                                    rs.getString("user_name"),
                                    rs.getString("user_email"),
                                    UserOutcome.valueOf(rs.getString("outcome"))));
                });
        return requests.values().stream()
                .map(LicenseRequest::withUnmodifiableUsers)
                .toList();
    }
}
