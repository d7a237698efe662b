package com.licenseflow.selfservice;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static com.licenseflow.support.Refusals.expectUntrusted;
import static com.licenseflow.support.Refusals.refusedAndStillWaiting;
import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionStatus;
import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of self-service-cancellation.bpmn (S5: a purchaser cancels their own purchase), through the real engine. */
@IntegrationTest
class SelfServiceCancellationProcessTest {

    static final String PROCESS = "self-service-cancellation";
    static final String CHOOSE = "Activity_ChooseSubscriptionToCancel";
    static final String END_CANCELLED = "Activity_EndCancelledSubscriptions";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    FormService forms;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessDriver driver;

    @Autowired
    Clock clock;

    Product product;
    DirectoryUser purchaser;
    List<String> users;
    long bought;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        product = fixtures.product(SelfServicePolicy.ENABLED, 2);
        purchaser = fixtures.member();
        users = new java.util.ArrayList<>(List.of(purchaser.id()));
        users.addAll(fixtures.members(2));
        bought = fixtures.selfService(
                product, purchaser.id(), 5, LocalDate.now(clock).minusDays(40), 7);
        fixtures.license(bought, users);
    }

    private ProcessInstance start(DirectoryUser who) {
        return driver.as(who.id(), () -> runtime.startProcessInstanceByKey(PROCESS));
    }

    private void choose(ProcessInstance pi, DirectoryUser who, Map<String, Object> form) {
        driver.complete(who.id(), driver.task(pi.getId(), CHOOSE), form);
    }

    private static Map<String, Object> cancel(Object subscriptionId, String note) {
        Map<String, Object> form = new HashMap<>();
        form.put("cancelDecision", "cancel");
        form.put("subscriptionId", subscriptionId == null ? null : String.valueOf(subscriptionId));
        form.put("cancellationNote", note);
        return form;
    }

    /** The choices "Choose the subscription to cancel" shows {@code who}, as Tasklist reads them. */
    private List<String> offered(ProcessInstance pi, DirectoryUser who) {
        Task task = driver.task(pi.getId(), CHOOSE);
        Object options = driver.as(who.id(), () -> forms.getTaskFormVariables(task.getId()))
                .get("ownSubscriptionOptions");
        return ((SpinJsonNode) options)
                .elements().stream().map(o -> o.prop("label").stringValue()).toList();
    }

    @Test
    void withinItsWindowThePurchaserPicksTheirSubscriptionAndItIsCancelledAtOnce() {
        LocalDate termStart = LocalDate.now(clock).minusDays(2);
        long bought = fixtures.selfService(product, purchaser.id(), 5, termStart, 7);
        fixtures.license(bought, fixtures.members(3));
        fixtures.status(this.bought, SubscriptionStatus.DELETED);
        long other = fixtures.selfService(product, fixtures.member().id(), 3, LocalDate.now(clock), 7);
        long cancelledBefore = fixtures.selfService(product, purchaser.id(), 1, LocalDate.now(clock), 7);
        fixtures.status(cancelledBefore, SubscriptionStatus.DELETED);
        Task waiting;

        ProcessInstance pi = start(purchaser);

        BpmnAwareTests.assertThat(pi).isWaitingAt(CHOOSE);
        waiting = driver.task(pi.getId(), CHOOSE);
        assertThat(waiting.getAssignee()).isEqualTo(purchaser.id());
        assertThat(offered(pi, purchaser))
                .as("only their own, not cancelled, in words, with what cancelling does")
                .containsExactly(product.name() + ": 3 of 5 seats used, renews on " + Words.day(termStart.plusYears(1))
                        + "; cancelled now, it ends at once");

        choose(pi, purchaser, cancel(bought, "We use the central subscription now"));

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_SubscriptionCancelled");
        assertThat(fixtures.subscription(bought).status()).isEqualTo(SubscriptionStatus.DELETED);
        assertThat(fixtures.holders(bought)).isEmpty();
        assertThat(fixtures.subscription(other).status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(fixtures.auditActorsOfProcess(pi.getId())).containsOnly(purchaser.id());
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "LICENSE_UNASSIGNED"))
                .isEqualTo(3);
    }

    @Test
    void afterTheWindowBillingStopsTheUsersKeepTheirLicensesAndTheTermsLastDayEndsIt() {
        LocalDate end = LocalDate.now(clock).minusDays(40).plusYears(1);
        ProcessInstance pi = start(purchaser);
        assertThat(offered(pi, purchaser))
                .containsExactly(product.name() + ": 3 of 5 seats used, renews on " + Words.day(end)
                        + "; its cancellation window ended on "
                        + Words.day(LocalDate.now(clock).minusDays(33)) + ": cancelled now, it ends on "
                        + Words.day(end));

        choose(pi, purchaser, cancel(bought, "We use the central subscription now"));

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_SubscriptionCancelled");
        Subscription ending = fixtures.subscription(bought);
        assertThat(ending.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(ending.recurringBilling()).isFalse();
        assertThat(fixtures.holders(bought))
                .as("they keep access until the term ends")
                .hasSize(3);
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "RECURRING_BILLING_CHANGED"))
                .isEqualTo(1);

        ProcessInstance again = start(purchaser);
        assertThat(offered(again, purchaser))
                .as("cancelled already: not offered again")
                .isEmpty();
        refusedAndStillWaiting(
                fixtures,
                again,
                CHOOSE,
                () -> choose(again, purchaser, cancel(bought, null)),
                Rule.SUBSCRIPTION_NOT_USABLE,
                "already cancelled",
                "it ends at the end of its term, on " + Words.day(end));

        try {
            ProcessInstance dayBefore = watchRenewals();
            driver.runJob(dayBefore.getId(), END_CANCELLED);
            assertThat(fixtures.subscription(bought).status()).isEqualTo(SubscriptionStatus.ACTIVE);

            driver.advance(Duration.between(
                    clock.instant(),
                    end.atStartOfDay(clock.getZone()).toInstant().plusSeconds(60)));
            ProcessInstance lastDay = watchRenewals();
            driver.runJob(lastDay.getId(), END_CANCELLED);
            BpmnAwareTests.assertThat(lastDay).isEnded();
            assertThat(fixtures.subscription(bought).status()).isEqualTo(SubscriptionStatus.DELETED);
            assertThat(fixtures.holders(bought)).isEmpty();
            assertThat(users)
                    .as("each user's removal is in the audit trail")
                    .allMatch(user -> fixtures.auditRows("LICENSE_UNASSIGNED", user) == 1);
        } finally {
            driver.resetClock();
        }
    }

    /**
     * "Watch renewals" at its step "End cancelled subscriptions", as its daily timer reaches it (the step
     * before it, opening renewal reviews for every central subscription in this shared database, is not
     * this test's).
     */
    private ProcessInstance watchRenewals() {
        return runtime.createProcessInstanceByKey("renewal-watch")
                .startBeforeActivity(END_CANCELLED)
                .execute();
    }

    @Test
    void keepingCancelsNothing() {
        String before = fixtures.snapshot();
        ProcessInstance pi = start(purchaser);

        choose(pi, purchaser, Map.of("cancelDecision", "keep", "subscriptionId", String.valueOf(bought)));

        BpmnAwareTests.assertThat(pi).isEnded().hasPassed("EndEvent_SubscriptionsKept");
        assertThat(fixtures.snapshot()).isEqualTo(before);
    }

    @Test
    void someoneElsesSubscriptionIsRefusedAndTheTaskStaysOpen() {
        DirectoryUser colleague = fixtures.member();
        ProcessInstance pi = start(colleague);
        assertThat(offered(pi, colleague)).isEmpty();

        refusedAndStillWaiting(
                fixtures,
                pi,
                CHOOSE,
                () -> choose(pi, colleague, cancel(bought, null)),
                Rule.NOT_THE_PURCHASER,
                "Only the person who bought this " + product.name() + " subscription");
        refusedAndStillWaiting(
                fixtures,
                pi,
                CHOOSE,
                () -> choose(pi, colleague, cancel(null, null)),
                Rule.INVALID_INPUT,
                "You have no self-service subscription that can be cancelled now",
                "Keep");
        assertThat(fixtures.subscription(bought).status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }

    @Test
    void aMissingChoiceOrAnOverlongReasonIsRefusedWithNothingChanged() {
        ProcessInstance pi = start(purchaser);

        refusedAndStillWaiting(
                fixtures,
                pi,
                CHOOSE,
                () -> choose(pi, purchaser, cancel(null, null)),
                Rule.INVALID_INPUT,
                "Choose the subscription to cancel, or choose Keep.");
        refusedAndStillWaiting(
                fixtures,
                pi,
                CHOOSE,
                () -> choose(pi, purchaser, cancel(bought, "x".repeat(201))),
                Rule.INVALID_INPUT,
                "at most 200 characters",
                "Nothing was cancelled");
        refusedAndStillWaiting(
                fixtures,
                pi,
                CHOOSE,
                () -> choose(pi, purchaser, Map.of("cancelDecision", "sell", "subscriptionId", String.valueOf(bought))),
                Rule.INVALID_INPUT,
                "Choose whether to cancel");
    }

    @Test
    void aSubscriptionAnAdministratorIsTakingOverIsNeitherOfferedNorCancelled() {
        ProcessInstance pi = start(purchaser);
        DirectoryUser billing = fixtures.admin(BILLING_ADMIN);
        driver.as(
                billing.id(),
                () -> runtime.startProcessInstanceByKey("subscription-takeover", Map.of("subscriptionId", bought)));

        assertThat(offered(pi, purchaser)).isEmpty();
        refusedAndStillWaiting(
                fixtures,
                pi,
                CHOOSE,
                () -> choose(pi, purchaser, cancel(bought, null)),
                Rule.TAKEOVER_RUNNING,
                "An administrator has been taking over this " + product.name());
    }

    @Test
    void itIsStartedOnlyInTheNameOfWhoeverIsLoggedIn() {
        expectUntrusted(() -> runtime.startProcessInstanceByKey(PROCESS), "Log in");
        DirectoryUser colleague = fixtures.member();
        expectUntrusted(
                () -> driver.as(
                        colleague.id(),
                        () -> runtime.startProcessInstanceByKey(PROCESS, Map.of("purchaserId", purchaser.id()))),
                "in your own name");
        assertThat(driver.startableInTasklist(purchaser.id())).contains(PROCESS);
    }
}
