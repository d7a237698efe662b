package com.licenseflow.takeover;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static com.licenseflow.support.Refusals.expectRefusal;
import static com.licenseflow.support.Refusals.expectUntrusted;
import static com.licenseflow.support.Refusals.refusedAndStillWaiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licenseflow.identity.CamundaAccessSetup;
import com.licenseflow.identity.CamundaGroups;
import com.licenseflow.inventory.assignment.AssignLicenses;
import com.licenseflow.inventory.assignment.LicenseAssignmentService;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionStatus;
import com.licenseflow.notification.devserver.DevMail;
import com.licenseflow.notification.devserver.DevMailbox;
import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
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
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of subscription-takeover.bpmn (S4, S6, S7, A8, A10), through the real engine, delegates and inventory. */
@IntegrationTest
class TakeoverProcessTest {

    static final String PROCESS = "subscription-takeover";
    static final String CHOOSE = "Activity_ChooseTakeoverAction";
    static final String SELECT_TARGET = "Activity_SelectTargetSubscription";
    static final String RESOLVE_SHORTAGE = "Activity_ResolveTakeoverSeatShortage";
    static final String MOVE_CHUNK = "Activity_MoveNextChunk";
    static final String CONFIRM_CANCELLATION = "Activity_ConfirmCancellation";
    static final String EMAIL_MOVED = "Activity_EmailPurchaserMoved";
    static final String EMAIL_CANCELLED = "Activity_EmailPurchaserCancelled";
    static final String EMAIL_ENDS_AT_TERM = "Activity_EmailPurchaserEndsAtTerm";
    static final String TERM_ENDED = "TimerEvent_TermEnded";

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    CamundaAccessSetup access;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessDriver driver;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    TakeoverRepository takeovers;

    @Autowired
    LicenseAssignmentService assignments;

    @Autowired
    Clock clock;

    @Autowired
    DevMailbox devMailbox;

    Inbox inbox;
    Product product;
    DirectoryUser purchaser;
    DirectoryUser admin;
    List<String> users;
    long target;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        inbox = new Inbox(devMailbox);
        product = fixtures.product(SelfServicePolicy.ENABLED, 3);
        purchaser = fixtures.member();
        admin = fixtures.admin(BILLING_ADMIN);
        users = new ArrayList<>(List.of(purchaser.id()));
        users.addAll(fixtures.members(4));
        target = fixtures.central(product, 10);
    }

    @AfterEach
    void tearDown() {
        driver.resetClock();
    }

    /** A self-service subscription of {@link #product} bought 30 days ago (window of 7 days over) held by {@link #users}. */
    private long boughtAMonthAgo() {
        long id = fixtures.selfService(
                product, purchaser.id(), 8, LocalDate.now(clock).minusDays(30), 7);
        fixtures.license(id, users);
        return id;
    }

    /** The same, bought two days ago: inside its cancellation window (A10). */
    private long boughtTwoDaysAgo() {
        long id = fixtures.selfService(
                product, purchaser.id(), 8, LocalDate.now(clock).minusDays(2), 7);
        fixtures.license(id, users);
        return id;
    }

    private ProcessInstance takeOver(DirectoryUser who, long subscriptionId, Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(more);
        variables.put("subscriptionId", subscriptionId);
        return driver.as(who.id(), () -> runtime.startProcessInstanceByKey(PROCESS, variables));
    }

    private ProcessInstance takeOver(long subscriptionId) {
        return takeOver(admin, subscriptionId, Map.of("moveChunkSize", 2));
    }

    private void complete(ProcessInstance pi, String activity, Map<String, Object> variables) {
        driver.complete(admin.id(), driver.task(pi.getId(), activity), variables);
    }

    /** Chooses "move" and the target; the seats are then reserved and the first chunk job waits. */
    private ProcessInstance moving(long subscriptionId, long to) {
        ProcessInstance pi = takeOver(subscriptionId);
        complete(pi, CHOOSE, Map.of("takeoverAction", "move"));
        complete(pi, SELECT_TARGET, Map.of("targetSubscriptionId", String.valueOf(to)));
        return pi;
    }

    private Takeover takeoverOf(ProcessInstance pi) {
        return takeovers.require(((Number) runtime.getVariable(pi.getId(), "takeoverId")).longValue());
    }

    private Takeover takeoverOf(long subscriptionId) {
        return takeovers.latest(subscriptionId).orElseThrow();
    }

    // ---- S6: move users -------------------------------------------------------------------------

    @Test
    void movesEveryUserInChunksKeepingTheirServicesThenDeletesTheOldSubscription() {
        long source = boughtAMonthAgo();
        String switchedOff = product.servicePlans().get(0).id();
        jdbc.sql("update license_assignment set disabled_plans = ? where user_id = ? and subscription_id = ?")
                .params(switchedOff, users.get(1), source)
                .update();

        ProcessInstance pi = takeOver(source);
        BpmnAwareTests.assertThat(pi).isWaitingAt(CHOOSE);
        Task choose = driver.task(pi.getId(), CHOOSE);
        assertThat(choose.getName())
                .as("Tasklist's list names the subscription taken over")
                .startsWith("Choose takeover action: " + product.name() + " bought by ");
        assertThat(choose.getAssignee()).isEqualTo(admin.id());
        assertThat(driver.shownInForm(admin.id(), pi.getId(), CHOOSE, "takeoverSummary"))
                .contains(product.name(), "bought self-service by " + purchaser.displayName());
        assertThat(driver.shownInForm(admin.id(), pi.getId(), CHOOSE, "licensedUsers"))
                .startsWith("5 licensed users: ");
        assertThat(pi.getBusinessKey()).isEqualTo("subscription-" + source);

        complete(pi, CHOOSE, Map.of("takeoverAction", "move"));
        BpmnAwareTests.assertThat(pi).isWaitingAt(SELECT_TARGET);
        assertThat(driver.shownInForm(admin.id(), pi.getId(), SELECT_TARGET, "targetSubscriptionOptions"))
                .contains(product.name() + ": 10 of 10 seats free");

        complete(pi, SELECT_TARGET, Map.of("targetSubscriptionId", String.valueOf(target)));
        BpmnAwareTests.assertThat(pi).isWaitingAt(MOVE_CHUNK);
        assertThat(fixtures.subscription(target).assignedSeats())
                .as("all seats reserved up front")
                .isEqualTo(5);
        assertThat(fixtures.holders(target))
                .as("nobody moved before the first chunk job")
                .isEmpty();

        driver.runAllJobsAt(pi.getId(), MOVE_CHUNK);

        BpmnAwareTests.assertThat(pi).isWaitingAt(EMAIL_MOVED);
        assertThat(fixtures.holders(target)).containsExactlyInAnyOrderElementsOf(users);
        assertThat(fixtures.holders(source)).isEmpty();
        assertThat(fixtures.licenseCounts(users).values()).containsOnly(1);
        assertThat(jdbc.sql("select disabled_plans from license_assignment where user_id = ? and subscription_id = ?")
                        .params(users.get(1), target)
                        .query(String.class)
                        .single())
                .isEqualTo(switchedOff);
        assertThat(jdbc.sql("select distinct data_retained_until from license_assignment where subscription_id = ?")
                        .param(source)
                        .query(LocalDate.class)
                        .list())
                .as("A8")
                .containsExactly(LocalDate.now(clock).plusDays(30));
        Subscription old = fixtures.subscription(source);
        assertThat(old.status()).isEqualTo(SubscriptionStatus.DELETED);
        assertThat(old.assignedSeats()).isZero();
        assertThat(old.recurringBilling()).isFalse();
        assertThat(fixtures.subscription(target).assignedSeats()).isEqualTo(5);
        Takeover done = takeoverOf(pi);
        assertThat(done.status()).isEqualTo(TakeoverStatus.MOVED);
        assertThat(done.usersMoved()).isEqualTo(5);
        assertThat(takeovers.running(source)).as("lock released").isEmpty();
        assertThat(runtime.getVariable(pi.getId(), "takeoverOutcome")).isEqualTo("MOVED");
        assertThat(engine.getHistoryService()
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(pi.getId())
                        .activityId(MOVE_CHUNK)
                        .count())
                .as("one job per chunk of 2")
                .isEqualTo(3);

        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "LICENSE_ASSIGNED")).isEqualTo(5);
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "LICENSE_UNASSIGNED"))
                .isEqualTo(5);
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "SEATS_RESERVED")).isEqualTo(1);
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "SUBSCRIPTION_STATUS_CHANGED"))
                .isEqualTo(1);
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "TAKEOVER_STARTED")).isEqualTo(1);
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "TAKEOVER_FINISHED")).isEqualTo(1);
        assertThat(fixtures.auditActorsOfProcess(pi.getId()))
                .as("every change in the admin's name")
                .containsExactly(admin.id());
        assertThat(jdbc.sql("select count(*) from audit_log where subscription_id = ? and process_instance_id is null")
                        .param(source)
                        .query(Integer.class)
                        .single())
                .as("every takeover change names the process")
                .isZero();

        assertThat(inbox.to(purchaser.email()))
                .as("no mail before the email step")
                .isEmpty();
        driver.runJob(pi.getId(), EMAIL_MOVED);
        BpmnAwareTests.assertThat(pi).isEnded();
        DevMail mail = inbox.onlyMessageTo(purchaser.email());
        assertThat(mail.subject())
                .isEqualTo("Your " + product.name() + " subscription was cancelled: its users were moved");
        assertThat(mail.text())
                .contains(
                        "self-service subscription for " + product.name(),
                        "- user " + users.get(1),
                        "status is now Deleted");
    }

    @Test
    void progressIsVisibleWhileTheMoveRuns() {
        long source = boughtAMonthAgo();
        ProcessInstance pi = moving(source, target);
        assertThat(runtime.getVariable(pi.getId(), "moveProgress")).isEqualTo("0 of 5 users moved");

        driver.runJob(pi.getId(), MOVE_CHUNK);

        BpmnAwareTests.assertThat(pi).isWaitingAt(MOVE_CHUNK);
        assertThat(runtime.getVariable(pi.getId(), "usersMoved")).isEqualTo(2);
        assertThat(runtime.getVariable(pi.getId(), "usersToMove")).isEqualTo(5);
        assertThat(runtime.getVariable(pi.getId(), "moveProgress")).isEqualTo("2 of 5 users moved");
        Takeover running = takeoverOf(source);
        assertThat(running.status()).isEqualTo(TakeoverStatus.MOVING);
        assertThat(running.usersMoved()).isEqualTo(2);
        assertThat(running.usersTotal()).isEqualTo(5);
        assertThat(fixtures.holders(target)).hasSize(2);
        assertThat(fixtures.licenseCounts(users).values())
                .as("mid-move, each user holds one license")
                .containsOnly(1);
    }

    @Test
    void aCrashBetweenChunksResumesFromTheLastFinishedChunk() {
        long source = boughtAMonthAgo();
        ProcessInstance pi = moving(source, target);
        driver.runJob(pi.getId(), MOVE_CHUNK);
        List<String> movedFirst = fixtures.holders(target);
        String afterFirstChunk = fixtures.snapshot();

        driver.runJobThenCrash(pi.getId(), MOVE_CHUNK);

        assertThat(fixtures.snapshot())
                .as("the crashed chunk left nothing behind")
                .isEqualTo(afterFirstChunk);
        assertThat(fixtures.holders(target)).isEqualTo(movedFirst);
        assertThat(fixtures.licenseCounts(users).values()).containsOnly(1);
        assertThat(runtime.getVariable(pi.getId(), "usersMoved")).isEqualTo(2);
        BpmnAwareTests.assertThat(pi).isWaitingAt(MOVE_CHUNK);

        driver.runAllJobsAt(pi.getId(), MOVE_CHUNK);

        BpmnAwareTests.assertThat(pi).isWaitingAt(EMAIL_MOVED);
        assertThat(fixtures.holders(target)).containsExactlyInAnyOrderElementsOf(users);
        assertThat(fixtures.licenseCounts(users).values())
                .as("every user holds exactly one license")
                .containsOnly(1);
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "LICENSE_ASSIGNED"))
                .as("no chunk audited twice")
                .isEqualTo(5);
        assertThat(fixtures.subscription(target).assignedSeats()).isEqualTo(5);
        assertThat(takeoverOf(pi).usersMoved()).isEqualTo(5);
    }

    @Test
    void aChunkThatFailsIsUndoneAndTheEnginesRetryFinishesTheMove() {
        long source = boughtAMonthAgo();
        ProcessInstance pi = moving(source, target);
        driver.runJob(pi.getId(), MOVE_CHUNK);
        String afterFirstChunk = fixtures.snapshot();
        // Injected fault: the old subscription's seat counter says no seats are in use, so giving back
        // the seats of the next chunk fails after its licenses were already moved in the transaction.
        jdbc.sql("update subscription set assigned_seats = 0 where id = ?")
                .param(source)
                .update();

        assertThatThrownBy(() -> driver.runJob(pi.getId(), MOVE_CHUNK)).hasMessageContaining("fewer than 2 seats");

        jdbc.sql("update subscription set assigned_seats = 3 where id = ?")
                .param(source)
                .update();
        assertThat(fixtures.snapshot())
                .as("the failed chunk was rolled back whole")
                .isEqualTo(afterFirstChunk);
        assertThat(fixtures.licenseCounts(users).values()).containsOnly(1);
        assertThat(driver.job(pi.getId(), MOVE_CHUNK).getRetries())
                .as("PT30S,PT2M,PT0S: three retries left")
                .isEqualTo(3);
        assertThat(engine.getManagementService()
                        .createJobQuery()
                        .processInstanceId(pi.getId())
                        .executable()
                        .count())
                .as("retried 30 seconds later")
                .isZero();

        driver.advance(Duration.ofMinutes(2));
        driver.runAllJobsAt(pi.getId(), MOVE_CHUNK);

        BpmnAwareTests.assertThat(pi).isWaitingAt(EMAIL_MOVED);
        assertThat(fixtures.holders(target)).containsExactlyInAnyOrderElementsOf(users);
        assertThat(fixtures.licenseCounts(users).values())
                .as("every user holds exactly one license")
                .containsOnly(1);
        assertThat(fixtures.subscription(source).assignedSeats()).isZero();
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "LICENSE_ASSIGNED")).isEqualTo(5);
    }

    @Test
    void aChunkThatKeepsFailingBecomesAnIncidentThatAnAdminsRetryRunsAtOnce() {
        long source = boughtAMonthAgo();
        ProcessInstance pi = moving(source, target);
        driver.runJob(pi.getId(), MOVE_CHUNK);
        jdbc.sql("update subscription set assigned_seats = 0 where id = ?")
                .param(source)
                .update();
        var management = engine.getManagementService();

        for (int attempt = 0; attempt < 4; attempt++) {
            if (attempt > 0) {
                driver.advance(Duration.ofMinutes(2));
            }
            assertThatThrownBy(() -> driver.runJob(pi.getId(), MOVE_CHUNK)).hasMessageContaining("fewer than 2 seats");
        }

        assertThat(runtime.createIncidentQuery().processInstanceId(pi.getId()).count())
                .as("retries used up")
                .isOne();
        jdbc.sql("update subscription set assigned_seats = 3 where id = ?")
                .param(source)
                .update();
        // Cockpit's "increment retries", keeping the job's due date: the last failure left it due now.
        management.setJobRetries(driver.job(pi.getId(), MOVE_CHUNK).getId(), 1);
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(pi.getId())
                        .executable()
                        .count())
                .as("runs at once, not minutes later")
                .isOne();
        driver.runAllJobsAt(pi.getId(), MOVE_CHUNK);
        BpmnAwareTests.assertThat(pi).isWaitingAt(EMAIL_MOVED);
        assertThat(fixtures.licenseCounts(users).values()).containsOnly(1);
    }

    @Test
    void movingToAProductThatStandsInKeepsOnlyTheServicesItHasAndNeverLicensesAUserTwice() {
        Product premium = fixtures.product(
                "Premium",
                SelfServicePolicy.DISABLED,
                product.servicePlans().get(0).id(),
                product.servicePlans().get(1).id(),
                "PREMIUM_EXTRA");
        catalog.addSubstitute(product.id(), premium.id());
        long premiumSeats = fixtures.central(premium, 5);
        long alreadyPremium = fixtures.central(premium, 1);
        fixtures.license(alreadyPremium, List.of(users.get(4)));
        long source = boughtAMonthAgo();
        String kept = product.servicePlans().get(0).id();
        String dropped = product.servicePlans().get(2).id();
        jdbc.sql("update license_assignment set disabled_plans = ? where user_id = ? and subscription_id = ?")
                .params(kept + "," + dropped, users.get(0), source)
                .update();

        ProcessInstance pi = moving(source, premiumSeats);
        assertThat(fixtures.subscription(premiumSeats).assignedSeats())
                .as("no seat for the user who has it")
                .isEqualTo(4);
        driver.runAllJobsAt(pi.getId(), MOVE_CHUNK);

        assertThat(fixtures.holders(premiumSeats)).containsExactlyInAnyOrderElementsOf(users.subList(0, 4));
        assertThat(fixtures.holders(alreadyPremium)).containsExactly(users.get(4));
        assertThat(fixtures.licenseCounts(users).values()).containsOnly(1);
        assertThat(jdbc.sql("select disabled_plans from license_assignment where user_id = ? and subscription_id = ?")
                        .params(users.get(0), premiumSeats)
                        .query(String.class)
                        .single())
                .isEqualTo(kept);
        assertThat(fixtures.subscription(source).status()).isEqualTo(SubscriptionStatus.DELETED);
    }

    @Test
    void aSeatShortageIsResolvedByBuyingSeatsOnTheTarget() {
        long source = boughtAMonthAgo();
        long small = fixtures.central(product, 3);
        ProcessInstance pi = moving(source, small);

        BpmnAwareTests.assertThat(pi).isWaitingAt(RESOLVE_SHORTAGE);
        assertThat(fixtures.subscription(small).assignedSeats())
                .as("nothing reserved")
                .isZero();
        assertThat(ProcessDriver.asRead(runtime.getVariable(pi.getId(), "shortageMessage")))
                .contains("3 of 3 seats free", "5 users", "Buy at least 2 more seats");
        assertThat(runtime.getVariable(pi.getId(), "seatsToAdd")).isEqualTo(2);

        complete(
                pi,
                RESOLVE_SHORTAGE,
                Map.of(
                        "shortageResolution",
                        "addSeats",
                        "targetSubscriptionId",
                        String.valueOf(small),
                        "seatsToAdd",
                        2));

        BpmnAwareTests.assertThat(pi).isWaitingAt(MOVE_CHUNK);
        assertThat(fixtures.subscription(small).quantity()).isEqualTo(5);
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "SEATS_PURCHASED")).isEqualTo(1);
        driver.runAllJobsAt(pi.getId(), MOVE_CHUNK);
        assertThat(fixtures.holders(small)).containsExactlyInAnyOrderElementsOf(users);
    }

    @Test
    void aSeatShortageIsResolvedByPickingAnotherTarget() {
        long source = boughtAMonthAgo();
        long small = fixtures.central(product, 3);
        ProcessInstance pi = moving(source, small);

        refusedAndStillWaiting(
                fixtures,
                pi,
                RESOLVE_SHORTAGE,
                () -> complete(
                        pi,
                        RESOLVE_SHORTAGE,
                        Map.of("shortageResolution", "otherTarget", "targetSubscriptionId", String.valueOf(source))),
                Rule.INVALID_INPUT,
                "cannot take these users");
        complete(
                pi,
                RESOLVE_SHORTAGE,
                Map.of("shortageResolution", "otherTarget", "targetSubscriptionId", String.valueOf(target)));

        driver.runAllJobsAt(pi.getId(), MOVE_CHUNK);
        assertThat(fixtures.holders(target)).containsExactlyInAnyOrderElementsOf(users);
        assertThat(fixtures.subscription(small).assignedSeats()).isZero();
    }

    @Test
    void backingOutOfASeatShortageChangesNothingAndReleasesTheLock() {
        long source = boughtAMonthAgo();
        long small = fixtures.central(product, 1);
        ProcessInstance pi = moving(source, small);
        String before = fixtures.snapshot().replaceAll("\\|\\d+\\|", "|");

        complete(pi, RESOLVE_SHORTAGE, Map.of("shortageResolution", "backOut"));

        BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(fixtures.snapshot().replaceAll("\\|\\d+\\|", "|"))
                .as("inventory unchanged")
                .isEqualTo(before);
        assertThat(fixtures.holders(source)).containsExactlyInAnyOrderElementsOf(users);
        assertThat(takeoverOf(source).status()).isEqualTo(TakeoverStatus.BACKED_OUT);
        assertThat(takeovers.running(source)).isEmpty();
        BpmnAwareTests.assertThat(takeOver(source))
                .as("can be taken over again")
                .isWaitingAt(CHOOSE);
    }

    // ---- S7: cancel -----------------------------------------------------------------------------

    @Test
    void withinTheCancellationWindowCancellingRemovesEveryLicenseAtOnce() {
        long source = boughtTwoDaysAgo();
        ProcessInstance pi = takeOver(source);
        complete(pi, CHOOSE, Map.of("takeoverAction", "cancel"));
        BpmnAwareTests.assertThat(pi).isWaitingAt(CONFIRM_CANCELLATION);
        assertThat(driver.shownInForm(admin.id(), pi.getId(), CONFIRM_CANCELLATION, "cancellationSummary"))
                .contains("cancellation window is open until "
                        + Words.day(LocalDate.now(clock).plusDays(5)));

        complete(
                pi,
                CONFIRM_CANCELLATION,
                Map.of(
                        "cancellationDecision",
                        "cancel",
                        "cancellationReason",
                        "TOO_EXPENSIVE",
                        "cancellationConfirmed",
                        true));

        BpmnAwareTests.assertThat(pi).isWaitingAt(EMAIL_CANCELLED);
        assertThat(fixtures.holders(source)).isEmpty();
        assertThat(fixtures.licenseCounts(users).values()).containsOnly(0);
        Subscription cancelled = fixtures.subscription(source);
        assertThat(cancelled.status()).isEqualTo(SubscriptionStatus.DELETED);
        assertThat(cancelled.cancellationReason()).isEqualTo("Too expensive");
        assertThat(cancelled.assignedSeats()).isZero();
        assertThat(jdbc.sql("select distinct data_retained_until from license_assignment where subscription_id = ?")
                        .param(source)
                        .query(LocalDate.class)
                        .list())
                .as("A8")
                .containsExactly(LocalDate.now(clock).plusDays(30));
        assertThat(takeoverOf(pi).status()).isEqualTo(TakeoverStatus.CANCELLED);
        assertThat(takeovers.running(source)).isEmpty();
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "LICENSE_UNASSIGNED"))
                .isEqualTo(5);
        assertThat(fixtures.auditActorsOfProcess(pi.getId())).containsExactly(admin.id());
        assertThat(runtime.getVariable(pi.getId(), "takeoverOutcome")).isEqualTo("CANCELLED");

        driver.runJob(pi.getId(), EMAIL_CANCELLED);
        BpmnAwareTests.assertThat(pi).isEnded();
        DevMail mail = inbox.onlyMessageTo(purchaser.email());
        assertThat(mail.subject()).isEqualTo("Your " + product.name() + " subscription was cancelled");
        assertThat(mail.text()).contains("Reason: Too expensive", "- user " + users.get(2), "no longer have access");
    }

    @Test
    void outsideTheWindowBillingStopsAndTheTimerEndsTheSubscriptionAtTermEnd() {
        long source = boughtAMonthAgo();
        LocalDate expiresOn = fixtures.subscription(source).expiresOn();
        ProcessInstance pi = takeOver(source);
        complete(pi, CHOOSE, Map.of("takeoverAction", "cancel"));
        assertThat(driver.shownInForm(admin.id(), pi.getId(), CONFIRM_CANCELLATION, "cancellationSummary"))
                .contains("switches recurring billing off", "end of its term on " + Words.day(expiresOn));

        complete(
                pi,
                CONFIRM_CANCELLATION,
                Map.of(
                        "cancellationDecision",
                        "cancel",
                        "cancellationReason",
                        "NOT_NEEDED_ANYMORE",
                        "cancellationConfirmed",
                        true));

        BpmnAwareTests.assertThat(pi).isWaitingAt(EMAIL_ENDS_AT_TERM, TERM_ENDED);
        Subscription ending = fixtures.subscription(source);
        assertThat(ending.recurringBilling()).isFalse();
        assertThat(ending.status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(fixtures.holders(source))
                .as("users keep access until the term ends")
                .containsExactlyInAnyOrderElementsOf(users);
        assertThat(takeoverOf(pi).status()).isEqualTo(TakeoverStatus.ENDING_AT_TERM);
        assertThat(takeovers.running(source)).as("still locked while it waits").isPresent();
        assertThat(driver.job(pi.getId(), TERM_ENDED).getDuedate().toInstant())
                .isEqualTo(expiresOn.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        driver.runJob(pi.getId(), EMAIL_ENDS_AT_TERM);
        assertThat(inbox.onlyMessageTo(purchaser.email()).subject())
                .isEqualTo("Your " + product.name() + " subscription ends on "
                        + DateTimeFormatter.ofPattern("d MMMM yyyy").format(expiresOn));
        BpmnAwareTests.assertThat(pi).isWaitingAt(TERM_ENDED);

        driver.advance(Duration.ofDays(30));
        assertThat(engine.getManagementService()
                        .createJobQuery()
                        .processInstanceId(pi.getId())
                        .activityId(TERM_ENDED)
                        .executable()
                        .count())
                .as("not due before the end of term")
                .isZero();
        // To one o'clock on the day after the term, whatever the time of day the test runs at.
        driver.advance(Duration.between(
                clock.instant(),
                expiresOn.plusDays(1).atStartOfDay(clock.getZone()).plusHours(1)));
        driver.runJob(pi.getId(), TERM_ENDED);

        assertThat(fixtures.holders(source)).isEmpty();
        assertThat(fixtures.subscription(source).status()).isEqualTo(SubscriptionStatus.DELETED);
        assertThat(takeoverOf(source).status()).isEqualTo(TakeoverStatus.ENDED_AT_TERM);
        assertThat(takeovers.running(source)).isEmpty();
        assertThat(jdbc.sql("select distinct data_retained_until from license_assignment where subscription_id = ?")
                        .param(source)
                        .query(LocalDate.class)
                        .list())
                .containsExactly(expiresOn.plusDays(1).plusDays(30));
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "RECURRING_BILLING_CHANGED"))
                .isEqualTo(1);
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "LICENSE_UNASSIGNED"))
                .isEqualTo(5);
        assertThat(fixtures.auditActorsOfProcess(pi.getId())).containsExactly(admin.id());
        BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(inbox.to(purchaser.email()))
                .as("told once, when billing was switched off")
                .hasSize(1);
    }

    @Test
    void backingOutOfTheCancellationChangesNothingAndReleasesTheLock() {
        long source = boughtTwoDaysAgo();
        ProcessInstance pi = takeOver(source);
        complete(pi, CHOOSE, Map.of("takeoverAction", "cancel"));
        String before = fixtures.snapshot().replaceAll("\\|\\d+\\|", "|");

        complete(pi, CONFIRM_CANCELLATION, Map.of("cancellationDecision", "backOut"));

        BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(fixtures.snapshot().replaceAll("\\|\\d+\\|", "|"))
                .as("inventory unchanged")
                .isEqualTo(before);
        assertThat(fixtures.subscription(source).recurringBilling()).isTrue();
        assertThat(takeoverOf(source).status()).isEqualTo(TakeoverStatus.BACKED_OUT);
        assertThat(takeovers.running(source)).isEmpty();
        assertThat(engine.getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(pi.getId())
                        .variableName("takeoverOutcome")
                        .singleResult()
                        .getValue())
                .isEqualTo("BACKED_OUT");
        assertThat(inbox.to(purchaser.email()))
                .as("nothing happened, nothing to tell")
                .isEmpty();
    }

    @Test
    void cancellingNeedsAListedReasonAndTheConfirmation() {
        long source = boughtTwoDaysAgo();
        ProcessInstance pi = takeOver(source);
        complete(pi, CHOOSE, Map.of("takeoverAction", "cancel"));

        refusedAndStillWaiting(
                fixtures,
                pi,
                CONFIRM_CANCELLATION,
                () -> complete(
                        pi,
                        CONFIRM_CANCELLATION,
                        Map.of("cancellationDecision", "cancel", "cancellationReason", "TOO_EXPENSIVE")),
                Rule.INVALID_INPUT,
                "Confirm that you are sure");
        refusedAndStillWaiting(
                fixtures,
                pi,
                CONFIRM_CANCELLATION,
                () -> complete(
                        pi,
                        CONFIRM_CANCELLATION,
                        Map.of(
                                "cancellationDecision",
                                "cancel",
                                "cancellationReason",
                                "Because",
                                "cancellationConfirmed",
                                true)),
                Rule.INVALID_INPUT,
                "'Because' is not a cancellation reason",
                "Too expensive");
        refusedAndStillWaiting(
                fixtures,
                pi,
                CONFIRM_CANCELLATION,
                () -> complete(pi, CONFIRM_CANCELLATION, Map.of()),
                Rule.INVALID_INPUT,
                "cancel the subscription or to back out");
        assertThat(fixtures.holders(source)).containsExactlyInAnyOrderElementsOf(users);
    }

    // ---- starting -------------------------------------------------------------------------------

    @Test
    void badStartsStartNothing() {
        long selfService = boughtAMonthAgo();
        long deleted = fixtures.selfService(
                product, purchaser.id(), 2, LocalDate.now(clock).minusDays(30), 7);
        fixtures.status(deleted, SubscriptionStatus.DELETED);
        long taken = fixtures.selfService(
                product, purchaser.id(), 2, LocalDate.now(clock).minusDays(30), 7);
        takeOver(taken);
        DirectoryUser licenseAdmin = fixtures.admin(LICENSE_ADMIN);
        long instances = runtime.createProcessInstanceQuery()
                .processDefinitionKey(PROCESS)
                .count();
        String before = fixtures.snapshot();

        expectRefusal(
                () -> takeOver(target),
                Rule.SUBSCRIPTION_NOT_SELF_SERVICE,
                "central subscription",
                "Only subscriptions users bought themselves");
        expectRefusal(() -> takeOver(deleted), Rule.SUBSCRIPTION_NOT_USABLE, "is Deleted");
        expectRefusal(
                () -> takeOver(taken), Rule.TAKEOVER_RUNNING, "already being taken over by " + admin.displayName());
        expectRefusal(() -> takeOver(999_999_999L), Rule.UNKNOWN_SUBSCRIPTION, "no subscription 999999999");
        expectUntrusted(
                () -> takeOver(admin, selfService, Map.of("takeoverAdminId", licenseAdmin.id())), "in your own name");
        expectUntrusted(
                () -> takeOver(admin, selfService, Map.of("takeoverStartedBy", licenseAdmin.id())), "in your own name");
        expectUntrusted(
                () -> runtime.startProcessInstanceByKey(PROCESS, Map.of("subscriptionId", selfService)), "Log in");
        expectRefusal(
                () -> takeOver(admin, selfService, Map.of("takeoverAction", "cancel")),
                Rule.INVALID_INPUT,
                "needs a cancellationReason");
        expectRefusal(
                () -> takeOver(admin, selfService, Map.of("takeoverAction", "sell")),
                Rule.INVALID_INPUT,
                "not a takeover action");
        assertThatThrownBy(() -> takeOver(licenseAdmin, selfService, Map.of()))
                .as("Tasklist does not even offer the process to a license admin")
                .hasMessageContaining("CREATE_INSTANCE");

        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(PROCESS)
                        .count())
                .isEqualTo(instances);
        assertThat(fixtures.snapshot()).isEqualTo(before);
        assertThat(takeovers.running(selfService)).isEmpty();
    }

    @Test
    void theDomainRefusesAdminsWithoutABillingRole() {
        long selfService = boughtAMonthAgo();
        DirectoryUser licenseAdmin = fixtures.admin(LICENSE_ADMIN);
        deployCaller();
        // A calling process a license admin may start takes over in their name: the domain's role check still applies.
        expectRefusal(
                () -> driver.as(
                        licenseAdmin.id(),
                        () -> runtime.startProcessInstanceByKey(
                                "test-calls-takeover",
                                Map.of("subscription", selfService, "action", "cancel", "reason", "OTHER"))),
                Rule.ADMIN_ROLE_REQUIRED,
                "may not take over self-service subscriptions",
                "Billing administrator");
        assertThat(takeovers.running(selfService)).isEmpty();
    }

    @Test
    void twoAdminsCannotBothHoldTheSameSubscription() {
        long source = boughtAMonthAgo();
        takeOver(source);
        // Even a caller that skipped every check (another node racing past it) is stopped by the unique key.
        assertThatThrownBy(() -> takeovers.insertRunning(source, "other-node", admin.id(), clock.instant()))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void thePurchaserCannotChangeLicensesWhileTheTakeoverRuns() {
        long source = boughtAMonthAgo();
        DirectoryUser colleague = fixtures.member();
        takeOver(source);

        expectRefusal(
                () -> assignments.assign(
                        ChangeContext.byUser(purchaser.asActor(), "test"),
                        new AssignLicenses(product.id(), source, List.of(colleague.id()), null, null)),
                Rule.TAKEOVER_RUNNING,
                "being taken over by " + admin.displayName());
        expectRefusal(
                () -> assignments.unassign(
                        ChangeContext.byUser(purchaser.asActor(), "test"), product.id(), List.of(users.get(1))),
                Rule.TAKEOVER_RUNNING,
                "cannot be changed until the takeover ends");
    }

    @Test
    void aCallingProcessPassesTheAdminAndItsDecisionAndGetsTheOutcome() {
        long cancelNow = boughtTwoDaysAgo();
        deployCaller();

        // The calling process was started by the admin: the takeover acts for them.
        ProcessInstance caller = driver.as(
                admin.id(),
                () -> runtime.startProcessInstanceByKey(
                        "test-calls-takeover",
                        Map.of(
                                "subscription",
                                cancelNow,
                                "action",
                                "cancel",
                                "reason",
                                "MOVING_TO_CENTRAL_SUBSCRIPTION")));

        ProcessInstance called = runtime.createProcessInstanceQuery()
                .superProcessInstanceId(caller.getId())
                .singleResult();
        BpmnAwareTests.assertThat(called)
                .as("no choice, no confirmation: straight to the email")
                .isWaitingAt(EMAIL_CANCELLED);
        assertThat(fixtures.holders(cancelNow)).isEmpty();
        assertThat(fixtures.subscription(cancelNow).cancellationReason()).isEqualTo("Moving to a central subscription");
        assertThat(fixtures.auditActorsOfProcess(called.getId())).containsExactly(admin.id());

        long moveLater = boughtAMonthAgo();
        ProcessInstance mover = driver.as(
                admin.id(),
                () -> runtime.startProcessInstanceByKey(
                        "test-calls-takeover", Map.of("subscription", moveLater, "action", "move", "target", target)));
        ProcessInstance moving = runtime.createProcessInstanceQuery()
                .superProcessInstanceId(mover.getId())
                .singleResult();
        BpmnAwareTests.assertThat(moving).isWaitingAt(MOVE_CHUNK);
        driver.runAllJobsAt(moving.getId(), MOVE_CHUNK);
        BpmnAwareTests.assertThat(moving).isWaitingAt(EMAIL_MOVED);
        assertThat(fixtures.holders(target)).containsExactlyInAnyOrderElementsOf(users);
    }

    /** A process of another designer that calls the takeover; admins of both roles may start it. */
    private void deployCaller() {
        engine.getRepositoryService()
                .createDeployment()
                .name("takeover caller (test)")
                .addClasspathResource("bpmn/test-calls-takeover.bpmn")
                .enableDuplicateFiltering(true)
                .deploy();
        access.allowToStart("test-calls-takeover", CamundaGroups.BILLING_ADMINS, CamundaGroups.LICENSE_ADMINS);
    }

    @Test
    void endingTheInstanceFromOutsideReleasesTheLockAndTheUnusedSeats() {
        long source = boughtAMonthAgo();
        ProcessInstance pi = moving(source, target);
        driver.runJob(pi.getId(), MOVE_CHUNK);

        runtime.deleteProcessInstance(pi.getId(), "deleted in Cockpit");

        Takeover abandoned = takeoverOf(source);
        assertThat(abandoned.status()).isEqualTo(TakeoverStatus.ABANDONED);
        assertThat(takeovers.running(source)).isEmpty();
        assertThat(fixtures.subscription(target).assignedSeats())
                .as("only the moved users' seats stay taken")
                .isEqualTo(2);
        assertThat(fixtures.holders(target)).hasSize(2);
        assertThat(fixtures.holders(source)).hasSize(3);
        assertThat(fixtures.licenseCounts(users).values()).containsOnly(1);
        assertThat(fixtures.subscription(source).status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }

    @Test
    void aLockWhoseProcessWasDeletedWithoutItsListenersIsReleasedByTheNextStart() {
        long source = boughtAMonthAgo();
        ProcessInstance pi = takeOver(source);
        runtime.deleteProcessInstance(pi.getId(), "deleted in Cockpit", true);
        assertThat(takeovers.running(source)).as("the end listener was skipped").isPresent();

        ProcessInstance again = takeOver(source);

        BpmnAwareTests.assertThat(again).isWaitingAt(CHOOSE);
        assertThat(takeovers
                        .require(((Number) runtime.getVariable(again.getId(), "takeoverId")).longValue())
                        .status())
                .isEqualTo(TakeoverStatus.STARTED);
        assertThat(jdbc.sql("select status from subscription_takeover where process_instance_id = ?")
                        .param(pi.getId())
                        .query(String.class)
                        .single())
                .isEqualTo("ABANDONED");
    }
}
