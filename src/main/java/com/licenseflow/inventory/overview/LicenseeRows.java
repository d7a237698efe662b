package com.licenseflow.inventory.overview;

import com.licenseflow.inventory.directory.UserSearch;
import com.licenseflow.shared.Page;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.PagedQuery;
import com.licenseflow.shared.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads who holds licenses of which subscriptions, for the inventory views. */
@Repository
public class LicenseeRows {

    private static final String COLUMNS =
            "a.subscription_id, a.user_id, u.display_name, u.email, a.disabled_plans, a.assigned_at";

    private final JdbcClient jdbc;

    public LicenseeRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<Long, List<Licensee>> bySubscription(Collection<Long> subscriptionIds) {
        if (subscriptionIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql("""
                        select %s
                        from license_assignment a join directory_user u on u.id = a.user_id
                        where a.subscription_id in (:ids) and a.active_product_id is not null
                        order by u.display_name""".formatted(COLUMNS))
                .param("ids", subscriptionIds)
                .query(LicenseeRows::licensee)
                .list()
                .stream()
                .collect(Collectors.groupingBy(Licensee::subscriptionId));
    }

    /**
     * A page of a subscription's license holders in the order they got their license: read along the
     * subscription's licenses, so a page deep into 60,000 holders costs what the first does.
     */
    public Page<Licensee> ofSubscription(long subscriptionId, PageRequest page) {
        return PagedQuery.page(
                jdbc,
                "select count(*) from license_assignment where subscription_id = :id and active_product_id is not null",
                COLUMNS,
                """
                        from license_assignment a join directory_user u on u.id = a.user_id
                        where a.subscription_id = :id and a.active_product_id is not null""",
                "a.id",
                Map.of("id", subscriptionId),
                page,
                LicenseeRows::licensee);
    }

    /**
     * A page of a product's license holders over all its subscriptions, in name order, optionally
     * searched: read along the directory's name index, each user's license found by its unique key, so
     * the first page costs the same with 60 holders or 60,000.
     */
    public Page<Licensee> ofProduct(String productId, UserSearch search, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        params.put("productId", productId);
        params.put("text", search.pattern());
        String from = "from directory_user u join license_assignment a on a.user_id = u.id and a.active_product_id = "
                + ":productId where 1 = 1" + search.condition("u");
        // A search among a product's holders tests each of them anyway: counting along costs nothing more.
        return search.searches()
                ? PagedQuery.pageCountingAlong(
                        jdbc, COLUMNS, from, "u.display_name, u.id", params, page, LicenseeRows::licensee)
                : PagedQuery.page(
                        jdbc,
                        "select count(*) from license_assignment where active_product_id = :productId",
                        COLUMNS,
                        from,
                        "u.display_name, u.id",
                        params,
                        page,
                        LicenseeRows::licensee);
    }

    private static Licensee licensee(ResultSet rs, int row) throws SQLException {
        return new Licensee(
                rs.getString("user_id"),
                rs.getString("display_name"),
                rs.getString("email"),
                rs.getLong("subscription_id"),
                Rows.planSet(rs.getString("disabled_plans")),
                Rows.instant(rs, "assigned_at"));
    }
}
