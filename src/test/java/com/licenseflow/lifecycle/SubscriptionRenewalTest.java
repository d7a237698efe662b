package com.licenseflow.lifecycle;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static com.licenseflow.support.Refusals.expectUntrusted;
import static com.licenseflow.support.Refusals.refusedAndStillWaiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionKind;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.inventory.subscription.SubscriptionStatus;
import com.licenseflow.notification.devserver.DevMail;
import com.licenseflow.notification.devserver.DevMailbox;
import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.Inbox;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** "Watch renewals" and "Renew a subscription": each alert offset, renew, reduce, let end, a trial bought or ended. */
@IntegrationTest
class SubscriptionRenewalTest {

    static final String START = "StartEvent_TermEndsSoon";
    static final String ALERT_DUE = "Event_RenewalAlertDue";
    static final String EMAIL_ALERT = "Activity_EmailBillingAdminsRenewalDue";
    static final String DECIDE = "Activity_DecideRenewal";
    static final String TERM_ENDS = "Event_TermEnds";
    static final String UNDECIDED = "BoundaryEvent_TermEndsUndecided";
    static final String EMAIL_HOLDERS = "Activity_EmailHoldersSubscriptionEnded";
    static final String EMAIL_ENDED = "Activity_EmailBillingAdminsTermEnded";

    @Autowired
    ProcessEngine engine;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessDriver driver;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DevMailbox devMailbox;

    @Autowired
    SubscriptionRepository subscriptions;

    @Autowired
    Clock clock;

    Product product;
    DirectoryUser billingAdmin;
    Inbox inbox;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        inbox = new Inbox(devMailbox);
        product = fixtures.product();
        billingAdmin = fixtures.admin(BILLING_ADMIN);
    }

    @AfterEach
    void resetClock() {
        driver.resetClock();
    }

    @Test
    void billingAdminsAreAlertedAtEachOffsetAndUndecidedItRenewsAsItIs() {
        long id = subscription(130, 10, 8, false);
        watch();
        assertThat(reviewOf(id)).as("130 days out: not yet").isNull();

        driver.advance(Duration.ofDays(10));
        ProcessInstance review = open(id);
        watch();
        assertThat(jdbc.sql("select count(*) from subscription_renewal where subscription_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .as("one review per term")
                .isEqualTo(1);
        assertThat(alert(review).subject())
                .isEqualTo(product.name() + " ends on " + Words.day(endOf(id))
                        + ", in 120 days: renew, reduce or let it end");
        assertThat(alerts().get(0).text()).contains("8 of 10 seats used", "suggested for the next term: 9 seats");

        driver.advance(Duration.ofDays(90));
        assertThat(alert(review).subject()).contains("in 30 days");
        driver.advance(Duration.ofDays(15));
        assertThat(alert(review).subject()).contains("in 15 days");
        BpmnAwareTests.assertThat(review).hasPassed("EndEvent_AlertsSent");
        assertThat(alerts()).hasSize(3);

        LocalDate oldEnd = endOf(id);
        driver.advance(Duration.ofDays(15));
        driver.runJob(review.getId(), UNDECIDED);
        finish(review);
        Subscription renewed = subscriptions.require(id);
        assertThat(renewed.expiresOn()).isEqualTo(oldEnd.plusYears(1));
        assertThat(renewed.termStart()).isEqualTo(oldEnd);
        assertThat(renewed.quantity()).isEqualTo(10);
        assertThat(ended().text()).contains("was renewed until " + Words.day(oldEnd.plusYears(1)), "10 seats");
    }

    @Test
    void fewerSeatsNeverBelowThoseInUseAndOnlyBillingAdminsDecide() {
        long id = subscription(60, 10, 6, false);
        ProcessInstance review = open(id);
        assertThat(alert(review).subject())
                .as("first seen 60 days out: alerted at once")
                .contains("in 60 days");
        Task task = driver.task(review.getId(), DECIDE);
        assertThat(driver.shownInForm(billingAdmin.id(), review.getId(), DECIDE, "renewalSummary"))
                .contains("6 of 10 seats used", "Suggested for the next term: 7 seats");

        assertThatThrownBy(() -> driver.complete(fixtures.member().id(), task, Map.of("renewalDecision", "RENEW")))
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() ->
                        driver.complete(fixtures.admin(LICENSE_ADMIN).id(), task, Map.of("renewalDecision", "RENEW")))
                .isInstanceOf(AuthorizationException.class);
        refusedAndStillWaiting(
                fixtures,
                review,
                DECIDE,
                () -> driver.complete(billingAdmin.id(), task, Map.of("renewalDecision", "REDUCE", "renewalSeats", 3L)),
                Rule.INVALID_INPUT,
                "Choose between 6 and 9 seats",
                "6 users hold a license of it");
        driver.complete(billingAdmin.id(), task, Map.of("renewalDecision", "REDUCE", "renewalSeats", 7L));
        BpmnAwareTests.assertThat(review).isWaitingAt(TERM_ENDS);

        driver.advance(Duration.ofDays(60));
        driver.runJob(review.getId(), TERM_ENDS);
        finish(review);
        assertThat(subscriptions.require(id).quantity()).isEqualTo(7);
        assertThat(fixtures.auditActorsOfProcess(review.getId())).containsExactly(billingAdmin.id());
    }

    @Test
    void lettingItEndSwitchesBillingOffNowAndOnTheDayItsUsersLoseTheirLicenses() {
        long id = subscription(20, 5, 2, false);
        List<String> holders = fixtures.holders(id);
        ProcessInstance review = open(id);
        alert(review);
        driver.complete(billingAdmin.id(), driver.task(review.getId(), DECIDE), Map.of("renewalDecision", "LET_END"));
        assertThat(subscriptions.require(id).recurringBilling())
                .as("A10 at once")
                .isFalse();
        assertThat(fixtures.auditRowsOfProcess(review.getId(), "RECURRING_BILLING_CHANGED"))
                .isEqualTo(1);

        driver.advance(Duration.ofDays(20));
        driver.runJob(review.getId(), TERM_ENDS);
        finish(review);
        assertThat(subscriptions.require(id).status()).isEqualTo(SubscriptionStatus.DELETED);
        assertThat(fixtures.holders(id)).isEmpty();
        for (String holder : holders) {
            DevMail told = inbox.onlyMessageTo(holder + "@test.example");
            assertThat(told.subject())
                    .isEqualTo("Your " + product.name() + " license has ended: the subscription ended");
        }
        assertThat(ended().text()).contains("ended: its users lost their licenses");
    }

    @Test
    void aTrialIsBoughtWithItsSeatsOrEndsAndItsUsersAreTold() {
        long bought = subscription(10, 25, 3, true);
        long leftAlone = subscription(10, 25, 2, true);
        ProcessInstance buying = open(bought);
        ProcessInstance ending = open(leftAlone);
        assertThat(alert(buying).subject()).startsWith(product.name() + " trial ends on");
        alert(ending);
        Task decide = driver.task(buying.getId(), DECIDE);
        String before = fixtures.snapshot();
        expectUntrusted(
                () -> driver.complete(billingAdmin.id(), decide, Map.of("renewalDecision", "RENEW")),
                "'RENEW' is not a choice for this trial");
        assertThat(fixtures.snapshot()).isEqualTo(before);
        BpmnAwareTests.assertThat(buying).isWaitingAt(DECIDE);
        driver.complete(billingAdmin.id(), decide, Map.of("renewalDecision", "BUY", "renewalSeats", 12L));

        LocalDate oldEnd = endOf(bought);
        List<String> trialUsers = fixtures.holders(leftAlone);
        driver.advance(Duration.ofDays(10));
        driver.runJob(buying.getId(), TERM_ENDS);
        finish(buying);
        Subscription paid = subscriptions.require(bought);
        assertThat(paid.trial()).isFalse();
        assertThat(paid.recurringBilling()).isTrue();
        assertThat(paid.quantity()).isEqualTo(12);
        assertThat(paid.expiresOn()).isEqualTo(oldEnd.plusYears(1));
        assertThat(ended().text()).contains("was bought after its trial: 12 seats");

        driver.runJob(ending.getId(), UNDECIDED);
        finish(ending);
        assertThat(subscriptions.require(leftAlone).status()).isEqualTo(SubscriptionStatus.DELETED);
        for (String user : trialUsers) {
            assertThat(inbox.onlyMessageTo(user + "@test.example").subject()).contains("license has ended");
        }
    }

    // Helpers.

    private long subscription(int daysLeft, int seats, int holders, boolean trial) {
        LocalDate end = LocalDate.now(clock).plusDays(daysLeft);
        long id = subscriptions.insert(new Subscription(
                0,
                product.id(),
                SubscriptionKind.CENTRAL,
                null,
                seats,
                0,
                SubscriptionStatus.ACTIVE,
                trial,
                end.minusYears(1),
                end,
                new BigDecimal("9.00"),
                !trial,
                0,
                null));
        fixtures.license(id, fixtures.members(holders));
        return id;
    }

    /** Runs "Watch renewals" now. */
    private void watch() {
        Job timer = engine.getManagementService()
                .createJobQuery()
                .processDefinitionKey(SubscriptionRenewalProcess.WATCH_KEY)
                .timers()
                .singleResult();
        engine.getManagementService().executeJob(timer.getId());
    }

    /** Runs the watch and returns the subscription's review, past its start. */
    private ProcessInstance open(long subscriptionId) {
        watch();
        String pi = reviewOf(subscriptionId);
        assertThat(pi).as("a review for subscription " + subscriptionId).isNotNull();
        driver.runJob(pi, START);
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(pi)
                .singleResult();
    }

    private String reviewOf(long subscriptionId) {
        return jdbc.sql("select process_instance_id from subscription_renewal where subscription_id = ?")
                .param(subscriptionId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Runs the alert due now; returns the billing admin's email about it. */
    private DevMail alert(ProcessInstance review) {
        int before = alerts().size();
        driver.runJob(review.getId(), ALERT_DUE);
        driver.runJob(review.getId(), EMAIL_ALERT);
        List<DevMail> now = alerts();
        assertThat(now).hasSize(before + 1);
        return now.get(now.size() - 1);
    }

    private List<DevMail> alerts() {
        return inbox.to(billingAdmin.email()).stream()
                .filter(m ->
                        m.subject().startsWith(product.name()) && !m.subject().contains("term ended"))
                .toList();
    }

    private DevMail ended() {
        return inbox.to(billingAdmin.email()).stream()
                .filter(m -> m.subject().contains("the term ended today"))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private void finish(ProcessInstance review) {
        driver.runJob(review.getId(), EMAIL_HOLDERS);
        driver.runJob(review.getId(), EMAIL_ENDED);
        BpmnAwareTests.assertThat(review).isEnded().hasPassed("EndEvent_TermEnded");
    }

    private LocalDate endOf(long id) {
        return subscriptions.require(id).expiresOn();
    }
}
