package com.licenseflow.takeover;

import com.licenseflow.shared.Rows;
import com.licenseflow.shared.Rule;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.catalog.ServicePlanConflicts;
import com.licenseflow.inventory.catalog.ServicePlanConflicts.Conflict;
import com.licenseflow.inventory.subscription.Subscription;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A5 for a whole subscription at once: moving users to a product that stands in for theirs may
 * switch on services that conflict with services of their other licenses. Checked once, before any
 * seat is reserved, with one query over the users that can conflict at all (not one per user).
 */
@Component
class MoveConflicts {

    private final ServicePlanConflicts conflicts;
    private final ProductCatalog catalog;
    private final JdbcClient jdbc;

    public MoveConflicts(ServicePlanConflicts conflicts, ProductCatalog catalog, JdbcClient jdbc) {
        this.conflicts = conflicts;
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    /** Refuses the move, naming the first user and the two services, when a moved user would get a conflict. */
    public void requireNone(Subscription source, Product target) {
        if (source.productId().equals(target.id())) {
            return; // the same services as before: nothing new is switched on
        }
        Set<String> targetPlans = target.planIds();
        List<Conflict> relevant = conflicts.touching(targetPlans);
        Set<String> heldPlans = new HashSet<>();
        relevant.forEach(c -> {
            heldPlans.add(c.planA());
            heldPlans.add(c.planB());
        });
        if (heldPlans.isEmpty()) {
            return;
        }
        record Held(String userId, Set<String> movingDisabled, String productId, Set<String> disabled, String plan) {
        }
        List<Held> held = jdbc.sql("""
                        select a.user_id, a.disabled_plans as moving_disabled, o.product_id, o.disabled_plans, ps.plan_id
                        from license_assignment a
                        join license_assignment o on o.user_id = a.user_id and o.active_product_id is not null and o.id <> a.id
                        join product_service_plan ps on ps.product_id = o.product_id and ps.plan_id in (:plans)
                        where a.subscription_id = :source and a.active_product_id is not null
                          and not exists (select 1 from license_assignment h
                                          where h.user_id = a.user_id and h.active_product_id = :target)
                        order by a.user_id""")
                .param("plans", heldPlans).param("source", source.id()).param("target", target.id())
                .query((rs, n) -> new Held(rs.getString(1), Rows.planSet(rs.getString(2)), rs.getString(3),
                        Rows.planSet(rs.getString(4)), rs.getString(5)))
                .list();
        for (Held h : held) {
            if (h.disabled().contains(h.plan())) {
                continue;
            }
            Set<String> gained = new TreeSet<>(targetPlans);
            gained.removeAll(h.movingDisabled());
            for (Conflict c : relevant) {
                String newPlan = c.planA().equals(h.plan()) ? c.planB() : c.planB().equals(h.plan()) ? c.planA() : null;
                if (newPlan != null && gained.contains(newPlan)) {
                    Product other = catalog.require(h.productId());
                    throw Rule.CONFLICTING_SERVICE_PLANS.violation("User " + h.userId() + " cannot be moved to "
                            + target.name() + ": its service " + newPlan + " would be on together with " + h.plan()
                            + " of their " + other.name() + " license (" + c.reason() + "). Switch " + h.plan()
                            + " off on that license first, or pick a subscription of "
                            + catalog.require(source.productId()).name() + ". Nothing was moved.");
                }
            }
        }
    }
}
