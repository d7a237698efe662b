package com.licenseflow.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.assignment.AssignLicenses;
import com.licenseflow.inventory.assignment.LicenseAssignmentService;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.shared.LicenseRuleViolation;
import com.licenseflow.shared.Rule;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Many callers, each in its own transaction on its own connection (as two application nodes on one
 * database would be), race for the last seats: exactly as many win as there are seats.
 */
@IntegrationTest
class SeatRaceTest {

    private static final int CALLERS = 24;
    private static final int SEATS = 5;

    @Autowired
    LicenseAssignmentService service;

    @Autowired
    Fixtures fixtures;

    @Test
    void racingCallersNeverOversellTheLastSeats() throws Exception {
        Product product = fixtures.product();
        long subscription = fixtures.central(product, SEATS + 2);
        Actor admin = fixtures.actor(fixtures.admin(AdminRole.LICENSE_ADMIN));
        service.assign(ChangeContext.byUser(admin, "fill"), AssignLicenses.of(product.id(), fixtures.members(2)));
        List<String> racers = fixtures.members(CALLERS);

        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (String user : racers) {
            outcomes.add(pool.submit(() -> {
                start.await();
                try {
                    service.assign(ChangeContext.byUser(admin, "race"), AssignLicenses.of(product.id(), List.of(user)));
                    return "won";
                } catch (LicenseRuleViolation refused) {
                    return refused.rule().name();
                }
            }));
        }
        start.countDown();
        List<String> results = new ArrayList<>();
        for (Future<String> outcome : outcomes) {
            results.add(outcome.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(results).filteredOn("won"::equals).hasSize(SEATS);
        assertThat(results).filteredOn(r -> !r.equals("won")).containsOnly(Rule.NOT_ENOUGH_SEATS.name());
        assertThat(fixtures.subscription(subscription).assignedSeats()).isEqualTo(SEATS + 2);
        assertThat(fixtures.holders(subscription)).hasSize(SEATS + 2);
    }
}
