package com.licenseflow.inventory.assignment;

import com.licenseflow.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads licenses; {@link com.licenseflow.inventory.LicenseLedger} is the one that changes them. */
@Repository
public class AssignmentRepository {

    private final JdbcClient jdbc;

    public AssignmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every license the users hold now, grouped by user. */
    public Map<String, List<LicenseAssignment>> activeByUser(Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(
                        "select * from license_assignment where user_id in (:ids) and active_product_id is not null order by id")
                .param("ids", userIds)
                .query(this::map)
                .list()
                .stream()
                .collect(Collectors.groupingBy(LicenseAssignment::userId));
    }

    /**
     * The users of a subscription (who do not hold {@code productId} already) who hold another license
     * of a product with one of {@code plans}: the only ones a move to {@code productId} can give a conflict.
     */
    public List<String> holdersOfOtherPlans(long subscriptionId, String productId, Collection<String> plans) {
        return jdbc.sql("""
                        select distinct a.user_id from license_assignment a
                        join license_assignment o on o.user_id = a.user_id and o.active_product_id is not null and o.id <> a.id
                        join product_service_plan ps on ps.product_id = o.product_id and ps.plan_id in (:plans)
                        where a.subscription_id = :source and a.active_product_id is not null
                          and not exists (select 1 from license_assignment h
                                          where h.user_id = a.user_id and h.active_product_id = :product)
                        order by a.user_id""")
                .param("plans", plans)
                .param("source", subscriptionId)
                .param("product", productId)
                .query(String.class)
                .list();
    }

    /** The licenses of {@code productId} the users hold now whose end date is on or before {@code day}. */
    public List<LicenseAssignment> activeEndingBy(String productId, Collection<String> userIds, LocalDate day) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from license_assignment where product_id = :product and user_id in (:ids)
                          and active_product_id is not null and ends_on <= :day order by id""")
                .param("product", productId)
                .param("ids", userIds)
                .param("day", day)
                .query(this::map)
                .list();
    }

    /** The licenses of {@code productId} of the users that {@code removedBy} removed on their end date {@code day}. */
    public List<LicenseAssignment> endedOn(
            String productId, Collection<String> userIds, LocalDate day, String removedBy) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select * from license_assignment where product_id = :product and user_id in (:ids)
                          and active_product_id is null and ends_on = :day and unassigned_by = :by order by id""")
                .param("product", productId)
                .param("ids", userIds)
                .param("day", day)
                .param("by", removedBy)
                .query(this::map)
                .list();
    }

    /** Every license of a user, held or removed, newest first. */
    public List<LicenseAssignment> historyOf(String userId) {
        return jdbc.sql("select * from license_assignment where user_id = ? order by id desc")
                .param(userId)
                .query(this::map)
                .list();
    }

    public List<LicenseAssignment> activeInSubscription(long subscriptionId) {
        return jdbc.sql("select * from license_assignment where subscription_id = ? and active_product_id is not null "
                        + "order by user_id")
                .param(subscriptionId)
                .query(this::map)
                .list();
    }

    /** The licenses among {@code ids} that are still held. */
    public List<LicenseAssignment> activeAmong(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "select * from license_assignment where id in (:ids) and active_product_id is not null order by id")
                .param("ids", ids)
                .query(this::map)
                .list();
    }

    public LicenseAssignment require(long id) {
        return jdbc.sql("select * from license_assignment where id = ?")
                .param(id)
                .query(this::map)
                .single();
    }

    private LicenseAssignment map(ResultSet rs, int row) throws SQLException {
        return new LicenseAssignment(
                rs.getLong("id"),
                rs.getString("user_id"),
                rs.getLong("subscription_id"),
                rs.getString("product_id"),
                Rows.planSet(rs.getString("disabled_plans")),
                Rows.instant(rs, "assigned_at"),
                rs.getString("assigned_by"),
                Rows.instant(rs, "unassigned_at"),
                rs.getString("unassigned_by"),
                Rows.date(rs, "data_retained_until"),
                Rows.date(rs, "ends_on"),
                rs.getString("tenant_state"));
    }
}
