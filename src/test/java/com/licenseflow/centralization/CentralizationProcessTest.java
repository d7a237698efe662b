package com.licenseflow.centralization;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static com.licenseflow.support.Refusals.refusedAndStillWaiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.inventory.subscription.SubscriptionStatus;
import com.licenseflow.notification.devserver.DevMail;
import com.licenseflow.notification.devserver.DevMailbox;
import com.licenseflow.selfservice.SelfServiceCancellation;
import com.licenseflow.shared.LicenseRuleViolation;
import com.licenseflow.shared.Rule;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.Inbox;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of license-centralization.bpmn (S2, S5), through the real engine, delegates, inventory and SMTP. */
@IntegrationTest
class CentralizationProcessTest {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");
    static final String CANCEL_IN_TASKLIST = "Start process > \"Cancel my self-service subscription\"";
    static final String PROCESS = "license-centralization";
    static final String PLAN = "Activity_PlanCentralization";
    static final String ASSIGN_CHUNK = "Activity_AssignNextChunk";
    static final String WAIT = "Activity_WaitForCancellation";
    static final String DID_NOT_CANCEL = "Activity_PurchaserDidNotCancel";
    static final String TAKE_OVER = "CallActivity_TakeOverAndCancel";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessDriver driver;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CentralizationRepository campaigns;

    @Autowired
    SelfServiceCancellation purchaserCancellation;

    @Autowired
    Clock clock;

    @Autowired
    DevMailbox devMailbox;

    Inbox inbox;
    Product product;
    DirectoryUser admin;
    DirectoryUser anna;
    DirectoryUser bob;
    List<String> annasUsers;
    List<String> bobsUsers;
    long central;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        inbox = new Inbox(devMailbox);
        product = fixtures.product(SelfServicePolicy.ENABLED, 3);
        admin = fixtures.admin(BILLING_ADMIN);
        anna = fixtures.member();
        bob = fixtures.member();
        annasUsers = new ArrayList<>(List.of(anna.id()));
        annasUsers.addAll(fixtures.members(2));
        bobsUsers = fixtures.members(2);
        central = fixtures.central(product, 10);
    }

    @AfterEach
    void tearDown() {
        driver.resetClock();
    }

    /** A self-service subscription bought 2 days ago with a cancellation window of {@code windowDays}. */
    private long bought(DirectoryUser purchaser, List<String> users, int windowDays) {
        long id = fixtures.selfService(
                product, purchaser.id(), users.size() + 2, LocalDate.now(clock).minusDays(2), windowDays);
        fixtures.license(id, users);
        return id;
    }

    private ProcessInstance start() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("product", product.name());
        variables.put("centralizationChunkSize", 2);
        return driver.as(admin.id(), () -> runtime.startProcessInstanceByKey(PROCESS, variables));
    }

    private void complete(ProcessInstance pi, String activity, Map<String, Object> variables) {
        driver.complete(admin.id(), driver.task(pi.getId(), activity), variables);
    }

    private void planWithExistingSeats(ProcessInstance pi) {
        complete(
                pi, PLAN, Map.of("planDecision", "useExistingSeats", "centralSubscriptionId", String.valueOf(central)));
    }

    /** Started, planned on the central subscription's free seats, every user centralized, purchasers mailed. */
    private ProcessInstance waitingForPurchasers() {
        ProcessInstance pi = start();
        planWithExistingSeats(pi);
        driver.runAllJobsAt(pi.getId(), ASSIGN_CHUNK);
        driver.runDueJobs(pi.getId());
        return pi;
    }

    private long campaignOf(ProcessInstance pi) {
        return ((Number) runtime.getVariable(pi.getId(), "centralizationId")).longValue();
    }

    private void purchaserCancels(DirectoryUser purchaser, long subscriptionId) {
        purchaserCancellation.cancel(ChangeContext.byUser(purchaser.asActor(), null), subscriptionId);
    }

    /** Moves the clock by whole days, running what fell due each day, as the job executor would. */
    private void days(ProcessInstance pi, int days) {
        for (int i = 0; i < days; i++) {
            driver.advance(Duration.ofDays(1));
            driver.runDueJobs(pi.getId());
        }
    }

    private List<String> centralHolders() {
        return fixtures.holders(central);
    }

    private List<String> all(List<String> a, List<String> b) {
        List<String> both = new ArrayList<>(a);
        both.addAll(b);
        return both;
    }

    // ---- all purchasers cancel ------------------------------------------------------------------

    @Test
    void everyoneGetsACentralLicenseThenEveryPurchaserCancelsAndTheAdminGetsTheSummary() {
        long annas = bought(anna, annasUsers, 7);
        long bobs = bought(bob, bobsUsers, 7);
        String switchedOff = product.servicePlans().get(1).id();
        jdbc.sql("update license_assignment set disabled_plans = ? where user_id = ? and subscription_id = ?")
                .params(switchedOff, annasUsers.get(2), annas)
                .update();

        ProcessInstance pi = start();
        long id = campaignOf(pi);

        BpmnAwareTests.assertThat(pi).isWaitingAt(PLAN);
        assertThat(driver.task(pi.getId(), PLAN).getAssignee()).isEqualTo(admin.id());
        assertThat(driver.shownInForm(admin.id(), pi.getId(), PLAN, "planSummary"))
                .contains(
                        product.name(),
                        "2 self-service subscriptions of 2 purchasers license 5 users",
                        anna.displayName(),
                        bob.displayName());
        assertThat(driver.shownInForm(admin.id(), pi.getId(), PLAN, "seatSummary"))
                .contains("5 users need a central seat", "10 of 10 seats free, renews on", "€9.00 per seat per month");
        // 2 purchases of 5 and 4 seats at 9.00 a month; 5 users at 9.00 a month centrally.
        assertThat(driver.shownInForm(admin.id(), pi.getId(), PLAN, "savingsSummary"))
                .contains(
                        "The self-service purchases cost €972.00 a year",
                        "the same users cost €540.00 a year: savings €432.00 a year");
        assertThat(runtime.getVariable(pi.getId(), "centralizationProgress"))
                .isEqualTo("0 of 2 subscriptions cancelled, 0 of 5 users centralized");
        assertThat(pi.getBusinessKey()).isEqualTo("centralization-" + id);

        planWithExistingSeats(pi);

        BpmnAwareTests.assertThat(pi).isWaitingAt(ASSIGN_CHUNK);
        assertThat(fixtures.subscription(central).assignedSeats())
                .as("every seat reserved up front")
                .isEqualTo(5);
        assertThat(centralHolders())
                .as("nobody centralized before the first chunk job")
                .isEmpty();

        driver.runJob(pi.getId(), ASSIGN_CHUNK);
        assertThat(runtime.getVariable(pi.getId(), "usersCentralized")).isEqualTo(2);
        assertThat(fixtures.licenseCounts(all(annasUsers, bobsUsers)).values())
                .as("mid-way, one license each")
                .containsOnly(1);
        driver.runAllJobsAt(pi.getId(), ASSIGN_CHUNK);

        assertThat(centralHolders()).containsExactlyInAnyOrderElementsOf(all(annasUsers, bobsUsers));
        assertThat(fixtures.licenseCounts(all(annasUsers, bobsUsers)).values()).containsOnly(1);
        assertThat(jdbc.sql("select disabled_plans from license_assignment where user_id = ? and subscription_id = ?")
                        .params(annasUsers.get(2), central)
                        .query(String.class)
                        .single())
                .as("switched-off services kept")
                .isEqualTo(switchedOff);
        assertThat(fixtures.subscription(annas).assignedSeats())
                .as("free until cancelled")
                .isZero();
        assertThat(fixtures.subscription(annas).status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(fixtures.subscription(central).assignedSeats()).isEqualTo(5);

        assertThat(inbox.to(anna.email()))
                .as("nothing sent before the email steps")
                .isEmpty();
        driver.runDueJobs(pi.getId());
        assertThat(runtime.createExecutionQuery()
                        .processInstanceId(pi.getId())
                        .activityId(WAIT)
                        .count())
                .isEqualTo(2);
        DevMail request = inbox.onlyMessageTo(anna.email());
        assertThat(request.subject())
                .isEqualTo(
                        "Please cancel your " + product.name() + " subscription: your users now have central licenses");
        LocalDate deadline = LocalDate.now(clock).plusDays(30);
        assertThat(request.text())
                .contains(anna.displayName(), "by " + DAY.format(deadline), CANCEL_IN_TASKLIST)
                .doesNotContain(bobsUsers.get(0), "/api/");
        assertThat(inbox.onlyMessageTo(bob.email()).text()).contains(CANCEL_IN_TASKLIST);

        purchaserCancels(anna, annas);
        assertThat(fixtures.subscription(annas).status()).isEqualTo(SubscriptionStatus.DELETED);
        driver.runDueJobs(pi.getId());
        assertThat(runtime.getVariable(pi.getId(), "centralizationProgress"))
                .isEqualTo("1 of 2 subscriptions cancelled, 5 of 5 users centralized");
        assertThat(runtime.getVariable(pi.getId(), "subscriptionsCancelled")).isEqualTo(1);
        assertThat(runtime.getVariable(pi.getId(), "subscriptionsTotal")).isEqualTo(2);

        purchaserCancels(bob, bobs);
        driver.runDueJobs(pi.getId());

        BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(centralHolders()).as("nobody lost the license").hasSize(5);
        Centralization done = campaigns.require(id);
        assertThat(done.status()).isEqualTo(CentralizationStatus.COMPLETED);
        assertThat(campaigns.running(product.id())).as("lock released").isEmpty();
        assertThat(campaigns.subscriptions(id))
                .extracting(CampaignSubscription::outcome)
                .containsOnly(SubscriptionOutcome.CANCELLED_BY_PURCHASER);
        DevMail summary = inbox.onlyMessageTo(admin.email());
        assertThat(summary.subject())
                .isEqualTo(product.name() + " centralized: 2 self-service subscriptions cancelled");
        assertThat(summary.text())
                .contains(
                        "Savings: €432.00 per year",
                        "user " + bobsUsers.get(0),
                        "Cancelled: 2 self-service subscriptions");

        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "LICENSE_ASSIGNED")).isEqualTo(5);
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "LICENSE_UNASSIGNED"))
                .isEqualTo(5);
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "SEATS_RESERVED")).isEqualTo(1);
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "CENTRALIZATION_STARTED"))
                .isEqualTo(1);
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "CENTRALIZATION_FINISHED"))
                .isEqualTo(1);
        assertThat(fixtures.auditActorsOfProcess(pi.getId()))
                .as("every campaign change in the admin's name")
                .containsExactly(admin.id());
    }

    // ---- reminders, deadline, takeover ----------------------------------------------------------

    @Test
    void aPurchaserWhoWaitsIsRemindedEveryWeekUntilTheyCancel() {
        long annas = bought(anna, annasUsers, 7);
        ProcessInstance pi = waitingForPurchasers();
        LocalDate deadline = LocalDate.now(clock).plusDays(30);
        assertThat(inbox.to(anna.email())).as("the request").hasSize(1);

        days(pi, 6);
        assertThat(inbox.to(anna.email()))
                .as("no reminder within the first week")
                .hasSize(1);
        days(pi, 1);

        List<DevMail> mails = inbox.to(anna.email());
        assertThat(mails).hasSize(2);
        assertThat(mails.get(1).subject())
                .isEqualTo(
                        "Reminder: please cancel your " + product.name() + " subscription by " + DAY.format(deadline));
        assertThat(mails.get(1).text()).contains("still active", anna.displayName(), CANCEL_IN_TASKLIST);
        BpmnAwareTests.assertThat(pi).isWaitingAt(WAIT);

        purchaserCancels(anna, annas);
        driver.runDueJobs(pi.getId());

        BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(campaigns.subscriptions(campaignOfEnded(pi))).singleElement().satisfies(s -> {
            assertThat(s.reminders()).isEqualTo(1);
            assertThat(s.outcome()).isEqualTo(SubscriptionOutcome.CANCELLED_BY_PURCHASER);
        });
        assertThat(inbox.to(anna.email())).as("no more reminders").hasSize(2);
    }

    @Test
    void aPurchaserWhoMissesTheDeadlineIsTakenOverThroughTheTakeoverProcess() {
        long annas = bought(anna, annasUsers, 60);
        ProcessInstance pi = waitingForPurchasers();

        days(pi, 29);
        BpmnAwareTests.assertThat(pi).isWaitingAt(WAIT);
        days(pi, 1);

        BpmnAwareTests.assertThat(pi).isWaitingAt(DID_NOT_CANCEL);
        assertThat(inbox.to(anna.email())).as("request and 4 weekly reminders").hasSize(5);
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .taskCandidateGroup("billing-admins")
                        .includeAssignedTasks()
                        .count())
                .isEqualTo(1);
        assertThat(ProcessDriver.asRead(runtime.createVariableInstanceQuery()
                        .processInstanceIdIn(pi.getId())
                        .variableName("purchaseSummary")
                        .singleResult()
                        .getValue()))
                .contains("bought self-service by " + anna.displayName(), "reminded 4 times", "cancels it at once");
        assertThat(runtime.createVariableInstanceQuery()
                        .processInstanceIdIn(pi.getId())
                        .variableName("extendByDays")
                        .singleResult()
                        .getValue())
                .as("prefilled")
                .isEqualTo(14);

        DirectoryUser decider = fixtures.admin(BILLING_ADMIN);
        driver.complete(decider.id(), driver.task(pi.getId(), DID_NOT_CANCEL), Map.of("deadlineDecision", "takeOver"));

        BpmnAwareTests.assertThat(pi).isWaitingAt(TAKE_OVER);
        ProcessInstance takeover = runtime.createProcessInstanceQuery()
                .superProcessInstanceId(pi.getId())
                .singleResult();
        assertThat(takeover.getProcessDefinitionId()).startsWith("subscription-takeover:");
        assertThat(fixtures.subscription(annas).status())
                .as("within its window: cancelled at once")
                .isEqualTo(SubscriptionStatus.DELETED);
        driver.runDueJobs(takeover.getId());
        BpmnAwareTests.assertThat(takeover).isEnded();
        assertThat(inbox.to(anna.email()).get(5).subject()).contains("cancelled");
        driver.runDueJobs(pi.getId());

        BpmnAwareTests.assertThat(pi).isEnded();
        long id = campaignOfEnded(pi);
        assertThat(campaigns.subscription(id, annas).outcome()).isEqualTo(SubscriptionOutcome.TAKEN_OVER);
        assertThat(jdbc.sql("select actor from audit_log where process_instance_id = ? and action = 'TAKEOVER_STARTED'")
                        .param(takeover.getId())
                        .query(String.class)
                        .single())
                .as("taken over in the deciding admin's name")
                .isEqualTo(decider.id());
        assertThat(centralHolders()).as("the users keep their central licenses").hasSize(3);
        assertThat(inbox.onlyMessageTo(admin.email()).subject()).contains("1 self-service subscription cancelled");
    }

    @Test
    void outsideItsWindowTheTakenOverSubscriptionEndsAtItsTermAndTheCampaignWaitsForIt() {
        long annas = bought(anna, annasUsers, 7);
        ProcessInstance pi = waitingForPurchasers();
        days(pi, 30);
        complete(pi, DID_NOT_CANCEL, Map.of("deadlineDecision", "takeOver"));
        ProcessInstance takeover = runtime.createProcessInstanceQuery()
                .superProcessInstanceId(pi.getId())
                .singleResult();
        driver.runDueJobs(takeover.getId());
        assertThat(fixtures.subscription(annas).recurringBilling()).isFalse();
        assertThat(fixtures.subscription(annas).status()).isEqualTo(SubscriptionStatus.ACTIVE);
        BpmnAwareTests.assertThat(pi).isWaitingAt(TAKE_OVER);

        driver.advance(Duration.ofDays(340));
        driver.runDueJobs(takeover.getId());
        driver.runDueJobs(pi.getId());

        assertThat(fixtures.subscription(annas).status()).isEqualTo(SubscriptionStatus.DELETED);
        BpmnAwareTests.assertThat(pi).isEnded();
    }

    @Test
    void atTheDeadlineTheAdminGivesMoreTimeAndThePurchaserThenCancels() {
        long annas = bought(anna, annasUsers, 7);
        ProcessInstance pi = waitingForPurchasers();
        long id = campaignOf(pi);
        days(pi, 30);
        java.time.Instant firstDeadline = campaigns.subscription(id, annas).deadline();

        refusedAndStillWaiting(
                fixtures,
                pi,
                DID_NOT_CANCEL,
                () -> complete(pi, DID_NOT_CANCEL, Map.of("deadlineDecision", "extend", "extendByDays", 0)),
                Rule.INVALID_INPUT,
                "Extend the deadline by 1 to 365 days");
        complete(pi, DID_NOT_CANCEL, Map.of("deadlineDecision", "extend", "extendByDays", 10));

        BpmnAwareTests.assertThat(pi).isWaitingAt(WAIT);
        assertThat(campaigns.subscription(id, annas).deadline())
                .as("10 days from the deadline (or from now, past it)")
                .isBetween(
                        firstDeadline.plus(Duration.ofDays(10)), clock.instant().plus(Duration.ofDays(10)));
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "CANCEL_DEADLINE_EXTENDED"))
                .isEqualTo(1);
        days(pi, 9);
        BpmnAwareTests.assertThat(pi).isWaitingAt(WAIT);
        assertThat(inbox.to(anna.email()))
                .as("request, 4 reminders, 1 reminder after the extension")
                .hasSize(6);
        assertThat(inbox.to(anna.email()).get(5).subject())
                .endsWith(DAY.format(LocalDate.now(clock).plusDays(1)));

        purchaserCancels(anna, annas);
        driver.runDueJobs(pi.getId());

        BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(campaigns.subscription(id, annas).outcome()).isEqualTo(SubscriptionOutcome.CANCELLED_BY_PURCHASER);
    }

    @Test
    void aPurchaserWhoCancelsWhileTheAdminDecidesEndsTheDecision() {
        long annas = bought(anna, annasUsers, 7);
        ProcessInstance pi = waitingForPurchasers();
        days(pi, 30);
        BpmnAwareTests.assertThat(pi).isWaitingAt(DID_NOT_CANCEL);

        purchaserCancels(anna, annas);
        driver.runDueJobs(pi.getId());

        BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(campaigns.subscription(campaignOfEnded(pi), annas).outcome())
                .isEqualTo(SubscriptionOutcome.CANCELLED_BY_PURCHASER);
    }

    @Test
    void purchasersCancellingAtTheSameMomentDoNotCollide() throws Exception {
        long annas = bought(anna, annasUsers, 7);
        long bobs = bought(bob, bobsUsers, 7);
        ProcessInstance pi = waitingForPurchasers();
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = two.submit(() -> {
                together.await();
                purchaserCancels(anna, annas);
                return null;
            });
            var second = two.submit(() -> {
                together.await();
                purchaserCancels(bob, bobs);
                return null;
            });
            first.get();
            second.get();
        } finally {
            two.shutdownNow();
        }
        driver.runDueJobs(pi.getId());

        BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(campaigns.subscriptions(campaignOfEnded(pi)))
                .extracting(CampaignSubscription::outcome)
                .containsOnly(SubscriptionOutcome.CANCELLED_BY_PURCHASER);
    }

    // ---- planning ------------------------------------------------------------------------------

    @Test
    void seatsBoughtDuringPlanningAreAPurchaseAndTooSmallOrTooLargePurchasesAreRefused() {
        bought(anna, annasUsers, 7);
        bought(bob, bobsUsers, 7);
        long small = fixtures.central(product, 2);
        ProcessInstance pi = start();

        refusedAndStillWaiting(
                fixtures,
                pi,
                PLAN,
                () -> complete(
                        pi,
                        PLAN,
                        Map.of("planDecision", "useExistingSeats", "centralSubscriptionId", String.valueOf(small))),
                Rule.NOT_ENOUGH_SEATS,
                "has 2 free seats",
                "Choose to buy at least 3 more seats");
        refusedAndStillWaiting(
                fixtures,
                pi,
                PLAN,
                () -> complete(
                        pi,
                        PLAN,
                        Map.of(
                                "planDecision",
                                "buySeats",
                                "centralSubscriptionId",
                                String.valueOf(small),
                                "seatsToBuy",
                                2)),
                Rule.NOT_ENOUGH_SEATS,
                "Buy at least 3",
                "Nothing was bought");
        refusedAndStillWaiting(
                fixtures,
                pi,
                PLAN,
                () -> complete(
                        pi,
                        PLAN,
                        Map.of(
                                "planDecision",
                                "buySeats",
                                "centralSubscriptionId",
                                String.valueOf(small),
                                "seatsToBuy",
                                20_000)),
                Rule.INVALID_INPUT,
                "Buy between 1 and 10000 seats");
        refusedAndStillWaiting(
                fixtures,
                pi,
                PLAN,
                () -> complete(
                        pi,
                        PLAN,
                        Map.of("planDecision", "buySeats", "centralSubscriptionId", "999999", "seatsToBuy", 3)),
                Rule.INVALID_INPUT,
                "cannot give out central");

        complete(
                pi,
                PLAN,
                Map.of("planDecision", "buySeats", "centralSubscriptionId", String.valueOf(small), "seatsToBuy", "4"));

        assertThat(fixtures.subscription(small).quantity()).isEqualTo(6);
        assertThat(fixtures.subscription(small).assignedSeats())
                .as("5 reserved, 1 left free")
                .isEqualTo(5);
        assertThat(jdbc.sql("select actor from audit_log where process_instance_id = ? and action = 'SEATS_PURCHASED'")
                        .param(pi.getId())
                        .query(String.class)
                        .single())
                .isEqualTo(admin.id());
        driver.runAllJobsAt(pi.getId(), ASSIGN_CHUNK);
        assertThat(fixtures.holders(small)).containsExactlyInAnyOrderElementsOf(all(annasUsers, bobsUsers));
        assertThat(campaigns.require(campaignOf(pi)).seatsBought()).isEqualTo(4);
    }

    @Test
    void aUserAlreadyOnACentralLicenseIsSkippedAndNeedsNoSeat() {
        long annas = bought(anna, annasUsers, 7);
        ProcessInstance pi = start();
        String alreadyCentral = annasUsers.get(1);
        // Between the start and the plan, the user moved to a central license by hand.
        jdbc.sql("update license_assignment set active_product_id = null, unassigned_at = current_timestamp, "
                        + "unassigned_by = ? where user_id = ? and subscription_id = ?")
                .params(anna.id(), alreadyCentral, annas)
                .update();
        jdbc.sql("update subscription set assigned_seats = assigned_seats - 1 where id = ?")
                .param(annas)
                .update();
        fixtures.license(central, List.of(alreadyCentral));

        planWithExistingSeats(pi);
        assertThat(fixtures.subscription(central).assignedSeats())
                .as("1 held, 2 reserved")
                .isEqualTo(3);
        driver.runAllJobsAt(pi.getId(), ASSIGN_CHUNK);

        assertThat(fixtures.licenseCounts(annasUsers).values()).containsOnly(1);
        assertThat(centralHolders()).containsExactlyInAnyOrderElementsOf(annasUsers);
        assertThat(jdbc.sql("select outcome from centralization_user where centralization_id = ? and user_id = ?")
                        .params(campaignOf(pi), alreadyCentral)
                        .query(String.class)
                        .single())
                .isEqualTo("ALREADY_CENTRAL");
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "LICENSE_ASSIGNED")).isEqualTo(2);
        assertThat(runtime.getVariable(pi.getId(), "usersCentralized")).isEqualTo(2);
    }

    @Test
    void theAdminCanCallTheCampaignOffWhilePlanning() {
        bought(anna, annasUsers, 7);
        ProcessInstance pi = start();
        long id = campaignOf(pi);
        String before = fixtures.snapshot().split("\\|")[0];

        complete(pi, PLAN, Map.of("planDecision", "callOff"));

        BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(campaigns.require(id).status()).isEqualTo(CentralizationStatus.CALLED_OFF);
        assertThat(campaigns.running(product.id())).isEmpty();
        assertThat(fixtures.snapshot().split("\\|")[0])
                .as("no seat or subscription changed")
                .isEqualTo(before);
    }

    // ---- bad starts ----------------------------------------------------------------------------

    @Test
    void badStartsAreRefusedWithNothingStarted() {
        long instances = runtime.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS)
                .count();
        Product notBought = fixtures.product(SelfServicePolicy.ENABLED, 1);
        fixtures.central(notBought, 3);
        String before = fixtures.snapshot();

        assertRefused(admin, "No such product", Rule.UNKNOWN_PRODUCT, "There is no product 'No such product'");
        assertRefused(admin, notBought.id(), Rule.NO_SELF_SERVICE_PURCHASES, "Nobody holds " + notBought.name());
        DirectoryUser licenseAdmin = fixtures.admin(LICENSE_ADMIN);
        assertThatThrownBy(() -> driver.as(
                        licenseAdmin.id(),
                        () -> runtime.startProcessInstanceByKey(PROCESS, Map.of("product", notBought.id()))))
                .as("only global and billing admins may start it")
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(PROCESS)
                        .count())
                .isEqualTo(instances);
        assertThat(fixtures.snapshot()).isEqualTo(before);

        bought(anna, annasUsers, 7);
        ProcessInstance first = start();
        assertRefused(
                fixtures.admin(BILLING_ADMIN),
                product.name(),
                Rule.CENTRALIZATION_RUNNING,
                "already being centralized",
                "Follow that campaign instead");
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(PROCESS)
                        .count())
                .isEqualTo(instances + 1);
    }

    @Test
    void theDatabaseKeepsTwoRacingStartsFromBothRunning() {
        campaigns.insertRunning(product.id(), null, admin.id(), clock.instant());
        assertThatThrownBy(() -> campaigns.insertRunning(product.id(), null, admin.id(), clock.instant()))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    private void assertRefused(DirectoryUser who, String productText, Rule rule, String... message) {
        assertThatThrownBy(() -> driver.as(
                        who.id(), () -> runtime.startProcessInstanceByKey(PROCESS, Map.of("product", productText))))
                .isInstanceOfSatisfying(
                        LicenseRuleViolation.class, v -> assertThat(v.rule()).isEqualTo(rule))
                .hasMessageContainingAll(message);
    }

    // ---- crashes and ends ----------------------------------------------------------------------

    @Test
    void aCrashBetweenAssignmentChunksResumesFromTheLastFinishedChunk() {
        bought(anna, annasUsers, 7);
        bought(bob, bobsUsers, 7);
        ProcessInstance pi = start();
        planWithExistingSeats(pi);
        driver.runJob(pi.getId(), ASSIGN_CHUNK);
        List<String> first = centralHolders();
        String afterFirstChunk = fixtures.snapshot();

        driver.runJobThenCrash(pi.getId(), ASSIGN_CHUNK);

        assertThat(fixtures.snapshot())
                .as("the crashed chunk left nothing behind")
                .isEqualTo(afterFirstChunk);
        assertThat(centralHolders()).isEqualTo(first);
        assertThat(fixtures.licenseCounts(all(annasUsers, bobsUsers)).values()).containsOnly(1);
        driver.runAllJobsAt(pi.getId(), ASSIGN_CHUNK);
        assertThat(centralHolders()).containsExactlyInAnyOrderElementsOf(all(annasUsers, bobsUsers));
        assertThat(fixtures.licenseCounts(all(annasUsers, bobsUsers)).values()).containsOnly(1);
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "LICENSE_ASSIGNED"))
                .as("no chunk audited twice")
                .isEqualTo(5);
        assertThat(fixtures.subscription(central).assignedSeats()).isEqualTo(5);
    }

    @Test
    void deletedInCockpitMidwayGivesBackTheUnusedSeatsAndUnlocksTheProduct() {
        bought(anna, annasUsers, 7);
        ProcessInstance pi = start();
        long id = campaignOf(pi);
        planWithExistingSeats(pi);
        driver.runJob(pi.getId(), ASSIGN_CHUNK);

        runtime.deleteProcessInstance(pi.getId(), "stopped by an operator");

        assertThat(campaigns.require(id).status()).isEqualTo(CentralizationStatus.ABANDONED);
        assertThat(campaigns.running(product.id())).isEmpty();
        assertThat(fixtures.subscription(central).assignedSeats())
                .as("2 centralized keep theirs")
                .isEqualTo(2);
        assertThat(fixtures.licenseCounts(annasUsers).values()).containsOnly(1);
    }

    @Test
    void aLockWhoseProcessWasDeletedWithoutItsListenersIsReleasedByTheNextStart() {
        bought(anna, annasUsers, 7);
        ProcessInstance pi = start();
        long id = campaignOf(pi);
        runtime.deleteProcessInstance(pi.getId(), "deleted skipping custom listeners", true);
        assertThat(campaigns.running(product.id()))
                .as("the end listener did not run")
                .isPresent();

        ProcessInstance again = start();

        BpmnAwareTests.assertThat(again).isWaitingAt(PLAN);
        assertThat(campaigns.require(id).status()).isEqualTo(CentralizationStatus.ABANDONED);
        assertThat(campaigns.running(product.id()).orElseThrow().processInstanceId())
                .isEqualTo(again.getId());
    }

    @Test
    void purchasesMadeDuringTheCampaignJoinItForAnotherRound() {
        long annas = bought(anna, annasUsers, 7);
        ProcessInstance pi = waitingForPurchasers();
        long bobs = bought(bob, bobsUsers, 7);

        purchaserCancels(anna, annas);
        driver.runDueJobs(pi.getId());

        BpmnAwareTests.assertThat(pi).isWaitingAt(PLAN);
        assertThat(driver.shownInForm(admin.id(), pi.getId(), PLAN, "planSummary"))
                .contains(
                        "1 self-service subscription of 1 purchaser license 2 users", "bought by " + bob.displayName());
        planWithExistingSeats(pi);
        driver.runAllJobsAt(pi.getId(), ASSIGN_CHUNK);
        driver.runDueJobs(pi.getId());
        assertThat(inbox.onlyMessageTo(bob.email()).text()).contains(CANCEL_IN_TASKLIST);
        purchaserCancels(bob, bobs);
        driver.runDueJobs(pi.getId());

        BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(centralHolders()).containsExactlyInAnyOrderElementsOf(all(annasUsers, bobsUsers));
        assertThat(inbox.onlyMessageTo(admin.email()).subject()).contains("2 self-service subscriptions cancelled");
    }

    private long campaignOfEnded(ProcessInstance pi) {
        return jdbc.sql("select id from centralization where process_instance_id = ?")
                .param(pi.getId())
                .query(Long.class)
                .single();
    }
}
