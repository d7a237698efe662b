package com.licenseflow.inventory.overview;

import com.licenseflow.shared.Rows;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads who holds licenses of which subscriptions, for the inventory views. */
@Repository
public class LicenseeRows {

    private final JdbcClient jdbc;

    public LicenseeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, List<Licensee>> bySubscription(Collection<Long> subscriptionIds) {
        if (subscriptionIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        select a.subscription_id, a.user_id, u.display_name, u.email, a.disabled_plans, a.assigned_at
                        from license_assignment a join directory_user u on u.id = a.user_id
                        where a.subscription_id in (:ids) and a.active_product_id is not null
                        order by u.display_name""")
                .param("ids", subscriptionIds)
                .query((rs, n) -> new Licensee(rs.getString("user_id"), rs.getString("display_name"),
                        rs.getString("email"), rs.getLong("subscription_id"), Rows.planSet(rs.getString("disabled_plans")),
                        Rows.instant(rs, "assigned_at")))
                .list().stream()
                .collect(Collectors.groupingBy(Licensee::subscriptionId));
    }
}
