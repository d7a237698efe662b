package com.licenseflow.inventory.catalog;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A5: two service plans that cannot be enabled together for one user. */
@Component
public class ServicePlanConflicts {

    /** A pair of plans that may not be on together, and why. */
    public record Conflict(String planA, String planB, String reason) {}

    private final JdbcClient jdbc;

    public ServicePlanConflicts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first conflict between a plan the user would gain and one they already have enabled. */
    public Optional<Conflict> between(Set<String> gained, Set<String> alreadyEnabled) {
        if (gained.isEmpty() || alreadyEnabled.isEmpty()) {
            return Optional.empty();
        }
        return jdbc
                .sql("""
                        select plan_a, plan_b, reason from service_plan_conflict
                        where (plan_a in (:gained) and plan_b in (:held)) or (plan_b in (:gained) and plan_a in (:held))
                        order by plan_a, plan_b""")
                .param("gained", gained)
                .param("held", alreadyEnabled)
                .query((rs, n) -> new Conflict(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list()
                .stream()
                .findFirst();
    }

    /** Every conflict one of whose plans is among {@code plans}. */
    public List<Conflict> touching(Set<String> plans) {
        if (plans.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "select plan_a, plan_b, reason from service_plan_conflict where plan_a in (:plans) or plan_b in (:plans) "
                                + "order by plan_a, plan_b")
                .param("plans", plans)
                .query((rs, n) -> new Conflict(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }
}
