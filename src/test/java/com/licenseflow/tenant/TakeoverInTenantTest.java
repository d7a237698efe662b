package com.licenseflow.tenant;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.inventory.subscription.SubscriptionStatus;
import com.licenseflow.notification.devserver.DevMail;
import com.licenseflow.notification.devserver.DevMailbox;
import com.licenseflow.shared.LicenseRuleViolation;
import com.licenseflow.support.Api;
import com.licenseflow.support.ConsoleSession;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.GraphStandIn;
import com.licenseflow.support.GraphTenant;
import com.licenseflow.support.Inbox;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import com.licenseflow.takeover.Takeover;
import com.licenseflow.takeover.TakeoverRepository;
import com.licenseflow.takeover.TakeoverStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * With a tenant connected, a takeover that moves users to another product (one that stands in for theirs) cancels
 * the subscription they came from only once Microsoft 365 has moved them: it waits for the tenant's answer, and the
 * users whose move Microsoft 365 refused (back on their self-service license) go before an admin in the takeover
 * itself ("Resolve refused moves"), who asks again once the cause is fixed or keeps the subscription for them.
 */
@IntegrationTest
class TakeoverInTenantTest {

    private static final String PROCESS = "subscription-takeover";
    private static final String CHOOSE = "Activity_ChooseTakeoverAction";
    private static final String SELECT_TARGET = "Activity_SelectTargetSubscription";
    private static final String MOVE_CHUNK = "Activity_MoveNextChunk";
    private static final String WAIT = "Activity_WaitForMicrosoft365";
    private static final String RESOLVE = "Activity_ResolveRefusedMoves";
    private static final String EMAIL_MOVED = "Activity_EmailPurchaserMoved";
    private static final String CONFIRM_CANCELLATION = "Activity_ConfirmCancellation";
    private static final String EMAIL_CANCELLED = "Activity_EmailPurchaserCancelled";

    private static final GraphTenant TENANT = new GraphTenant();
    private static final GraphStandIn GRAPH = GraphStandIn.start(TENANT);

    @Autowired
    ProcessEngine engine;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessDriver driver;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    TenantWriter writer;

    @Autowired
    TakeoverRepository takeovers;

    @Autowired
    DevMailbox devMailbox;

    @Autowired
    StandInConnection standIn;

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;

    Inbox inbox;
    Product product;
    Product premium;
    String sku;
    String premiumSku;
    DirectoryUser purchaser;
    DirectoryUser admin;
    List<DirectoryUser> users;
    long source;
    long target;

    @BeforeEach
    void connectToTheStandIn() {
        BpmnAwareTests.init(engine);
        standIn.connect(GRAPH);
        inbox = new Inbox(devMailbox);
        product = fixtures.product(SelfServicePolicy.ENABLED, 2);
        premium = fixtures.product(
                "Premium",
                SelfServicePolicy.DISABLED,
                product.servicePlans().get(0).id());
        catalog.addSubstitute(product.id(), premium.id());
        sku = UUID.randomUUID().toString();
        premiumSku = UUID.randomUUID().toString();
        catalog.changeSkuId(product.id(), sku);
        catalog.changeSkuId(premium.id(), premiumSku);
        TENANT.seats(sku, 10);
        TENANT.seats(premiumSku, 10);
        purchaser = fixtures.member();
        admin = fixtures.admin(BILLING_ADMIN);
        users = List.of(purchaser, fixtures.member(), fixtures.member());
        source = fixtures.selfService(
                product, purchaser.id(), 5, LocalDate.now(clock).minusDays(30), 7);
        fixtures.license(source, users.stream().map(DirectoryUser::id).toList());
        users.forEach(u -> TENANT.holds(u.email(), sku));
        target = fixtures.central(premium, 5);
    }

    @AfterEach
    void disconnect() {
        standIn.disconnect();
    }

    @AfterAll
    static void stopTheStandIn() {
        GRAPH.close();
    }

    /** The admin chose to move the users to the premium subscription; the first chunk job waits. */
    private ProcessInstance moving() {
        Map<String, Object> start = new HashMap<>(Map.of("subscriptionId", source, "moveChunkSize", 2));
        ProcessInstance pi =
                driver.as(admin.id(), () -> engine.getRuntimeService().startProcessInstanceByKey(PROCESS, start));
        driver.complete(admin.id(), driver.task(pi.getId(), CHOOSE), Map.of("takeoverAction", "move"));
        driver.complete(
                admin.id(),
                driver.task(pi.getId(), SELECT_TARGET),
                Map.of("targetSubscriptionId", String.valueOf(target)));
        return pi;
    }

    /** The tenant writer sends what is due; Microsoft 365's answer then moves the takeover on (its own job). */
    private TenantWriter.Written microsoftAnswers(ProcessInstance pi) {
        TenantWriter.Written written = writer.writeDue(Duration.ZERO);
        driver.runJob(pi.getId(), WAIT);
        return written;
    }

    private long adminTasksOf(ProcessInstance pi) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(LicenseChangeRefusals.KEY)
                .processInstanceBusinessKey(pi.getId())
                .count();
    }

    private Takeover takeoverOf(ProcessInstance pi) {
        return takeovers.ofProcessInstance(pi.getId()).orElseThrow();
    }

    @Test
    void theSubscriptionIsCancelledOnlyOnceMicrosoft365HasMovedTheUsers() {
        ProcessInstance pi = moving();
        driver.runAllJobsAt(pi.getId(), MOVE_CHUNK);

        BpmnAwareTests.assertThat(pi).isWaitingAt(WAIT);
        assertThat(fixtures.subscription(source).status())
                .as("not cancelled before Microsoft 365 moved them")
                .isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(fixtures.holders(target)).hasSize(3);
        // "Microsoft 365 answered" sent by someone else (a Global administrator may, in Cockpit) while the moves are
        // still on their way: the takeover waits again, and the subscription stays.
        engine.getRuntimeService()
                .createMessageCorrelation(LicenseChangeRefusals.ANSWERED)
                .processInstanceId(pi.getId())
                .correlate();
        driver.runJob(pi.getId(), WAIT);
        BpmnAwareTests.assertThat(pi).isWaitingAt(WAIT);
        assertThat(fixtures.subscription(source).status()).isEqualTo(SubscriptionStatus.ACTIVE);

        assertThat(microsoftAnswers(pi).applied()).isEqualTo(3);

        BpmnAwareTests.assertThat(pi).isWaitingAt(EMAIL_MOVED);
        assertThat(fixtures.subscription(source).status()).isEqualTo(SubscriptionStatus.DELETED);
        assertThat(TENANT.licensesOf(users.get(1).email())).containsOnlyKeys(premiumSku);
        assertThat(takeoverOf(pi).status()).isEqualTo(TakeoverStatus.MOVED);
        driver.runJob(pi.getId(), EMAIL_MOVED);
        assertThat(inbox.onlyMessageTo(purchaser.email()).subject()).contains("was cancelled: its users were moved");
    }

    @Test
    void usersWhoseMoveWasRefusedStayOnTheSubscriptionWhichIsKeptForThem() {
        TENANT.seats(premiumSku, 1);
        ProcessInstance pi = moving();
        driver.runJob(pi.getId(), MOVE_CHUNK);
        // Microsoft 365 answers for the first chunk while the second still waits to be moved: the takeover will ask
        // for its refusals itself, so no separate admin task is started.
        assertThat(writer.writeDue(Duration.ZERO).refused()).isOne();
        assertThat(adminTasksOf(pi)).isZero();
        driver.runAllJobsAt(pi.getId(), MOVE_CHUNK);
        microsoftAnswers(pi);

        BpmnAwareTests.assertThat(pi).isWaitingAt(RESOLVE);
        assertThat(adminTasksOf(pi)).isZero();
        assertThat(fixtures.subscription(source).status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(fixtures.holders(source))
                .as("back on the self-service license")
                .containsExactlyInAnyOrder(users.get(1).id(), users.get(2).id());
        assertThat(fixtures.holders(target)).containsExactly(users.get(0).id());
        String shown = driver.shownInForm(admin.id(), pi.getId(), RESOLVE, "refusedMoves");
        assertThat(shown)
                .contains(
                        "**" + users.get(1).displayName() + "**, " + premium.name() + ": Microsoft 365 has no "
                                + premium.name() + " license left",
                        "**" + users.get(2).displayName() + "**")
                .doesNotContain(users.get(0).displayName());

        Task resolve = driver.task(pi.getId(), RESOLVE);
        String before = fixtures.snapshot();
        assertThatThrownBy(
                        () -> driver.complete(purchaser.id(), resolve, Map.of("refusalResolution", "keepSubscription")))
                .as("the purchaser cannot resolve it")
                .isInstanceOf(AuthorizationException.class);
        DirectoryUser licenseAdmin = fixtures.admin(LICENSE_ADMIN);
        assertThatThrownBy(() ->
                        driver.complete(licenseAdmin.id(), resolve, Map.of("refusalResolution", "keepSubscription")))
                .as("nor a License administrator (not billing)")
                .isInstanceOfAny(AuthorizationException.class, LicenseRuleViolation.class);
        assertThatThrownBy(() -> driver.complete(admin.id(), resolve, Map.of("refusalResolution", "cancelAnyway")))
                .isInstanceOf(LicenseRuleViolation.class)
                .hasMessageContaining("ask Microsoft 365 again, or keep");
        BpmnAwareTests.assertThat(pi).isWaitingAt(RESOLVE);
        assertThat(fixtures.snapshot()).isEqualTo(before);

        driver.complete(admin.id(), resolve, Map.of("refusalResolution", "keepSubscription"));

        BpmnAwareTests.assertThat(pi).isWaitingAt(EMAIL_MOVED);
        assertThat(fixtures.subscription(source).status()).as("kept").isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(fixtures.holders(source))
                .containsExactlyInAnyOrder(users.get(1).id(), users.get(2).id());
        Takeover takeover = takeoverOf(pi);
        assertThat(takeover.status()).isEqualTo(TakeoverStatus.MOVED);
        assertThat(takeover.isRunning()).isFalse();
        assertThat(takeover.usersStayed()).isEqualTo(2);
        assertThat(takeover.usersMoved()).isOne();
        assertThat(TENANT.licensesOf(users.get(1).email())).containsOnlyKeys(sku);
        Api.Response page = ConsoleSession.login(port, admin.id()).get("/console/takeovers/" + source);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(
                        "1 of 3 users moved",
                        "2 stayed on the subscription, which was kept for them: Microsoft 365 refused to move them");
        driver.runJob(pi.getId(), EMAIL_MOVED);
        DevMail mail = inbox.onlyMessageTo(purchaser.email());
        assertThat(mail.subject())
                .isEqualTo("Your " + product.name() + " subscription stays, for the users who could " + "not be moved");
        assertThat(mail.text())
                .contains(
                        "- " + users.get(0).displayName(),
                        users.get(1).displayName() + ": Microsoft 365 has no " + premium.name() + " license left",
                        "stays active")
                .doesNotContain("- " + users.get(2).displayName() + "\n");
    }

    @Test
    void onceTheCauseIsFixedTheRefusedUsersAreMovedAgainAndTheSubscriptionCancelled() {
        TENANT.refuse(users.get(0).email(), "ProhibitedInUsageLocationViolation");
        ProcessInstance pi = moving();
        driver.runAllJobsAt(pi.getId(), MOVE_CHUNK);
        microsoftAnswers(pi);
        BpmnAwareTests.assertThat(pi).isWaitingAt(RESOLVE);
        TENANT.stopRefusing(users.get(0).email());
        TENANT.forgetReceived();

        driver.complete(admin.id(), driver.task(pi.getId(), RESOLVE), Map.of("refusalResolution", "askAgain"));

        BpmnAwareTests.assertThat(pi).isWaitingAt(WAIT);
        assertThat(fixtures.holders(source)).isEmpty();
        assertThat(fixtures.holders(target)).hasSize(3);
        assertThat(fixtures.subscription(source).status()).isEqualTo(SubscriptionStatus.ACTIVE);
        TenantWriter.Written written = microsoftAnswers(pi);
        assertThat(written.applied()).as("only the refused user moved again").isOne();
        assertThat(TENANT.received()).hasSize(1);
        assertThat(TENANT.licensesOf(users.get(0).email())).containsOnlyKeys(premiumSku);

        BpmnAwareTests.assertThat(pi).isWaitingAt(EMAIL_MOVED);
        assertThat(fixtures.subscription(source).status()).isEqualTo(SubscriptionStatus.DELETED);
        assertThat(takeoverOf(pi).usersMoved()).isEqualTo(3);
        assertThat(takeoverOf(pi).usersStayed()).isZero();
    }

    @Test
    void askingAgainWithoutAFreeSeatOnTheTargetKeepsTheTaskOpenWithTheReason() {
        TENANT.refuse(users.get(0).email(), "ProhibitedInUsageLocationViolation");
        ProcessInstance pi = moving();
        driver.runAllJobsAt(pi.getId(), MOVE_CHUNK);
        microsoftAnswers(pi);
        // Meanwhile the target's free seats went to others.
        fixtures.license(
                target,
                List.of(
                        fixtures.member().id(),
                        fixtures.member().id(),
                        fixtures.member().id()));
        TENANT.stopRefusing(users.get(0).email());
        String before = fixtures.snapshot();

        assertThatThrownBy(() -> driver.complete(
                        admin.id(), driver.task(pi.getId(), RESOLVE), Map.of("refusalResolution", "askAgain")))
                .isInstanceOf(LicenseRuleViolation.class)
                .hasMessageContaining("has too few free seats to move them again: 1 more seat is needed");

        BpmnAwareTests.assertThat(pi).isWaitingAt(RESOLVE);
        assertThat(fixtures.snapshot()).isEqualTo(before);
        assertThat(fixtures.holders(source)).containsExactly(users.get(0).id());
    }

    @Test
    void refusedUsersCannotBeMovedAgainOrKeptWithoutTheResolution() {
        TENANT.refuse(users.get(0).email(), "MutuallyExclusiveViolation");
        ProcessInstance pi = moving();
        driver.runAllJobsAt(pi.getId(), MOVE_CHUNK);
        microsoftAnswers(pi);
        String before = fixtures.snapshot();

        for (String step : List.of("Activity_MoveRefusedUsersAgain", "Activity_KeepSubscriptionForRefusedUsers")) {
            assertThatThrownBy(() -> engine.getRuntimeService()
                            .createProcessInstanceModification(pi.getId())
                            .startBeforeActivity(step)
                            .execute())
                    .hasMessageContaining("acts only on a decision just made in 'Resolve refused moves'");
        }
        BpmnAwareTests.assertThat(pi).isWaitingAt(RESOLVE);
        assertThat(fixtures.snapshot()).isEqualTo(before);
        assertThat(fixtures.subscription(source).status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }

    @Test
    void aCancellationMicrosoft365RefusedGoesToTheAdministrators() {
        DirectoryUser buyer = fixtures.member();
        DirectoryUser colleague = fixtures.member();
        long boughtTwoDaysAgo = fixtures.selfService(
                product, buyer.id(), 5, LocalDate.now(clock).minusDays(2), 7);
        fixtures.license(boughtTwoDaysAgo, List.of(buyer.id(), colleague.id()));
        TENANT.holds(buyer.email(), sku);
        TENANT.holds(colleague.email(), sku);
        TENANT.refuse(colleague.email(), "MutuallyExclusiveViolation");
        ProcessInstance pi = driver.as(
                admin.id(),
                () -> engine.getRuntimeService()
                        .startProcessInstanceByKey(PROCESS, Map.of("subscriptionId", boughtTwoDaysAgo)));
        driver.complete(admin.id(), driver.task(pi.getId(), CHOOSE), Map.of("takeoverAction", "cancel"));
        driver.complete(
                admin.id(),
                driver.task(pi.getId(), CONFIRM_CANCELLATION),
                Map.of(
                        "cancellationDecision",
                        "cancel",
                        "cancellationReason",
                        "TOO_EXPENSIVE",
                        "cancellationConfirmed",
                        true));
        BpmnAwareTests.assertThat(pi).isWaitingAt(EMAIL_CANCELLED);

        assertThat(writer.writeDue(Duration.ZERO).refused()).isOne();

        assertThat(adminTasksOf(pi))
                .as("a cancellation never waits for Microsoft 365: the admins are told")
                .isOne();
    }
}
