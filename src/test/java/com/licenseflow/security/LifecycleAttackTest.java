package com.licenseflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionKind;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.inventory.subscription.SubscriptionStatus;
import com.licenseflow.lifecycle.SubscriptionRenewalProcess;
import com.licenseflow.support.Api;
import com.licenseflow.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A Global administrator with Cockpit's instance modification cannot make the lifecycle processes
 * reclaim licenses before the deadline, nor end a subscription before its day; an employee cannot start
 * them through the engine.
 */
@IntegrationTest
class LifecycleAttackTest extends AttackTest {

    @Autowired
    SubscriptionRepository subscriptions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private String jumpTo(String activity) {
        return "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"" + activity + "\"}]}";
    }

    @Test
    void theDefaultIsNeverAppliedBeforeTheDeadline() {
        DirectoryUser idle = fixtures.member();
        fixtures.license(seats, List.of(idle.id()));
        jdbc.sql("update directory_user set account_enabled = false where id = ?")
                .param(idle.id())
                .update();
        Api.Response started = api(licenseAdmin).post("/api/reclaim-runs", "{\"product\":\"" + product.id() + "\"}");
        String run = started.json().path("runId").asText();
        driver.runJob(run, "Activity_FindIdleLicenses");

        refusedAndUnchanged(
                () -> api(globalAdmin)
                        .post(
                                "/engine-rest/process-instance/" + run + "/modification",
                                jumpTo("Activity_ApplyDefaultDecision")),
                400,
                "'Apply default decision' runs only once the deadline");
        refusedAndUnchanged(
                () -> api(globalAdmin)
                        .post(
                                "/engine-rest/process-instance/" + run + "/modification",
                                jumpTo("Activity_RecordReclaimDecisions")),
                400,
                "'Record reclaim decisions' acts only on a decision just made in 'Review idle licenses'");
        assertThat(fixtures.holders(seats)).contains(idle.id());
    }

    @Test
    void aTermIsNeverEndedBeforeItsDay() {
        LocalDate end = LocalDate.now(clock).plusDays(40);
        long id = subscriptions.insert(new Subscription(
                0,
                product.id(),
                SubscriptionKind.CENTRAL,
                null,
                5,
                0,
                SubscriptionStatus.ACTIVE,
                false,
                end.minusYears(1),
                end,
                new BigDecimal("9.00"),
                true,
                0,
                null));
        fixtures.license(id, List.of(colleague.id()));
        engine.getManagementService()
                .executeJob(engine.getManagementService()
                        .createJobQuery()
                        .processDefinitionKey(SubscriptionRenewalProcess.WATCH_KEY)
                        .timers()
                        .singleResult()
                        .getId());
        String review = jdbc.sql("select process_instance_id from subscription_renewal where subscription_id = ?")
                .param(id)
                .query(String.class)
                .single();
        driver.runJob(review, "StartEvent_TermEndsSoon");

        refusedAndUnchanged(
                () -> api(globalAdmin)
                        .post(
                                "/engine-rest/process-instance/" + review + "/modification",
                                jumpTo("Activity_EndTheTerm")),
                400,
                "'End the term' runs only on the term's end day");
        refusedAndUnchanged(
                () -> api(globalAdmin)
                        .post(
                                "/engine-rest/process-instance/" + review + "/modification",
                                jumpTo("Activity_RecordRenewalDecision")),
                400,
                "'Record renewal decision' acts only on a decision just made in 'Decide renewal'");
        assertThat(subscriptions.require(id).status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(fixtures.holders(id)).containsExactly(colleague.id());

        refusedAndUnchanged(
                () -> api(employee).post("/engine-rest/process-definition/key/subscription-renewal/start", "{}"),
                403,
                "");
    }
}
