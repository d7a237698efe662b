package com.licenseflow.request;

import static com.licenseflow.inventory.access.AdminRole.GLOBAL_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static com.licenseflow.support.Refusals.expectRefusal;
import static com.licenseflow.support.Refusals.expectUntrusted;
import static com.licenseflow.support.Refusals.refusedAndStillWaiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.notification.devserver.DevMail;
import com.licenseflow.notification.devserver.DevMailbox;
import com.licenseflow.shared.LicenseRuleViolation;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.Rule;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.Inbox;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every path of license-request.bpmn, through the real engine, delegates and inventory. */
@IntegrationTest
class LicenseRequestProcessTest {

    static final String REVIEW = "Activity_ReviewLicenseRequest";
    static final String RESOLVE_SHORTAGE = "Activity_ResolveSeatShortage";
    static final String NOTIFY_OUTCOME = "Activity_NotifyRequestOutcome";

    @Autowired
    LicenseRequestReview review;

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
    LicenseRequestRepository requests;

    @Autowired
    LicenseRequestList requestList;

    @Autowired
    LicenseRequestRetention retention;

    @Autowired
    TenantSettingsService settings;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    DevMailbox devMailbox;

    Inbox inbox;

    Product product;
    long subscription;
    DirectoryUser requester;
    DirectoryUser colleague;
    DirectoryUser approver;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        inbox = new Inbox(devMailbox);
        product = fixtures.product();
        subscription = fixtures.central(product, 5);
        requester = fixtures.member();
        colleague = fixtures.member();
        approver = fixtures.admin(GLOBAL_ADMIN);
    }

    @AfterEach
    void tearDown() {
        driver.resetClock();
    }

    private ProcessInstance request(DirectoryUser who, String productName, String... colleagues) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestedProduct", productName);
        variables.put("requestedColleagues", String.join(", ", colleagues));
        variables.put("justification", "Needed for the quarterly report");
        return driver.as(who.id(), () -> runtime.startProcessInstanceByKey("license-request", variables));
    }

    private static Map<String, Object> approval(
            List<String> users, String productId, List<String> enabledPlans, String message) {
        Map<String, Object> decision = new HashMap<>();
        decision.put("decision", "approve");
        decision.put("approvedUserIds", users);
        decision.put("assignedProductId", productId);
        decision.put("enabledServicePlans", enabledPlans);
        decision.put("decisionMessage", message);
        return decision;
    }

    private List<String> allPlans(Product p) {
        return new ArrayList<>(p.planIds());
    }

    private LicenseRequest requestOf(ProcessInstance pi) {
        return requests.findByProcessInstance(pi.getId()).orElseThrow();
    }

    private Map<String, UserOutcome> outcomes(ProcessInstance pi) {
        return requestOf(pi).users().stream().collect(Collectors.toMap(RequestedUser::userId, RequestedUser::outcome));
    }

    @Test
    void approveAllAssignsEveryLicenseInTheApproversNameWithTheChosenServices() {
        ProcessInstance pi = request(requester, product.name(), colleague.id());

        BpmnAwareTests.assertThat(pi).isWaitingAt(REVIEW);
        Task review = driver.task(pi.getId(), REVIEW);
        assertThat(review.getName())
                .as("Tasklist's list says for what and whom")
                .isEqualTo("Review license request: " + product.name() + " for " + requester.displayName()
                        + " and 1 colleague");
        assertThat(engine.getTaskService().getIdentityLinksForTask(review.getId()))
                .extracting(IdentityLink::getGroupId)
                .containsExactly("global-admins");
        assertThat(requestOf(pi).status()).isEqualTo(LicenseRequestStatus.PENDING);
        assertThat(pi.getBusinessKey()).isEqualTo(requestOf(pi).id());
        String switchedOff = product.servicePlans().get(0).id();
        List<String> enabled = allPlans(product);
        enabled.remove(switchedOff);

        driver.complete(
                approver.id(),
                review,
                approval(List.of(requester.id(), colleague.id()), product.id(), enabled, "Welcome aboard"));

        BpmnAwareTests.assertThat(pi).isWaitingAt(NOTIFY_OUTCOME);
        assertThat(fixtures.holders(subscription)).containsExactlyInAnyOrder(requester.id(), colleague.id());
        assertThat(jdbc.sql("select disabled_plans from license_assignment where user_id = ?")
                        .param(colleague.id())
                        .query(String.class)
                        .single())
                .isEqualTo(switchedOff);
        LicenseRequest done = requestOf(pi);
        assertThat(done.status()).isEqualTo(LicenseRequestStatus.APPROVED);
        assertThat(done.decidedBy()).isEqualTo(approver.id());
        assertThat(done.decisionMessage()).isEqualTo("Welcome aboard");
        assertThat(outcomes(pi))
                .containsOnly(
                        Map.entry(requester.id(), UserOutcome.APPROVED),
                        Map.entry(colleague.id(), UserOutcome.APPROVED));
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "LICENSE_ASSIGNED")).isEqualTo(2);
        assertThat(jdbc.sql("select distinct actor from audit_log where process_instance_id = ?")
                        .param(pi.getId())
                        .query(String.class)
                        .list())
                .containsExactly(approver.id());

        assertThat(jdbc.sql(
                                "select recipient_email from notification where license_request_id = ? and status = 'QUEUED'")
                        .param(done.id())
                        .query(String.class)
                        .list())
                .as("recorded with the decision, not sent yet")
                .containsExactlyInAnyOrder(requester.email(), colleague.email());
        assertThat(inbox.to(colleague.email())).isEmpty();

        driver.runJob(pi.getId(), NOTIFY_OUTCOME);
        BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(jdbc.sql("select count(*) from notification where license_request_id = ? and status = 'SENT'")
                        .param(done.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        DevMail toColleague = inbox.onlyMessageTo(colleague.email());
        assertThat(toColleague.subject()).isEqualTo("Your license for " + product.name() + " is ready");
        assertThat(toColleague.text()).contains(requester.displayName() + " asked for a license", "Welcome aboard");
        assertThat(inbox.onlyMessageTo(requester.email()).subject()).contains("is ready");
    }

    @Test
    void approvingPartDeniesTheUsersLeftOut() {
        ProcessInstance pi = request(requester, product.id(), colleague.email());

        driver.complete(
                approver.id(),
                driver.task(pi.getId(), REVIEW),
                approval(List.of(colleague.id()), product.id(), allPlans(product), null));

        assertThat(fixtures.holders(subscription)).containsExactly(colleague.id());
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "LICENSE_ASSIGNED")).isEqualTo(1);
        assertThat(fixtures.auditRows("LICENSE_ASSIGNED", requester.id()))
                .as("the denied user got nothing")
                .isZero();
        assertThat(requestOf(pi).status()).isEqualTo(LicenseRequestStatus.PARTLY_APPROVED);
        assertThat(outcomes(pi))
                .containsOnly(
                        Map.entry(requester.id(), UserOutcome.DENIED), Map.entry(colleague.id(), UserOutcome.APPROVED));

        driver.runJob(pi.getId(), NOTIFY_OUTCOME);
        assertThat(inbox.onlyMessageTo(requester.email()).subject())
                .isEqualTo("Your license request for " + product.name() + " was denied");
        assertThat(inbox.onlyMessageTo(colleague.email()).subject()).contains("is ready");
    }

    @Test
    void denyingNeedsAConfirmationAndAssignsNothing() {
        ProcessInstance pi = request(requester, product.name(), colleague.id());
        Task review = driver.task(pi.getId(), REVIEW);

        refusedAndStillWaiting(
                fixtures,
                pi,
                REVIEW,
                () -> driver.complete(approver.id(), review, Map.of("decision", "deny")),
                Rule.INVALID_INPUT,
                "Confirm that you want to deny it");

        driver.complete(
                approver.id(),
                review,
                Map.of("decision", "deny", "denyConfirmed", true, "decisionMessage", "Use the shared account"));

        BpmnAwareTests.assertThat(pi).isWaitingAt(NOTIFY_OUTCOME);
        assertThat(fixtures.holders(subscription)).isEmpty();
        LicenseRequest denied = requestOf(pi);
        assertThat(denied.status()).isEqualTo(LicenseRequestStatus.DENIED);
        assertThat(denied.decisionMessage()).isEqualTo("Use the shared account");
        assertThat(outcomes(pi).values()).containsOnly(UserOutcome.DENIED);
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "LICENSE_ASSIGNED")).isZero();

        driver.runJob(pi.getId(), NOTIFY_OUTCOME);
        for (DirectoryUser user : List.of(requester, colleague)) {
            DevMail denial = inbox.onlyMessageTo(user.email());
            assertThat(denial.subject()).contains("was denied");
            assertThat(denial.text()).contains("Use the shared account");
        }
    }

    @Test
    void theRequesterCannotDecideTheirOwnRequestEvenAsAnAdmin() {
        DirectoryUser adminRequester = fixtures.admin(GLOBAL_ADMIN);
        ProcessInstance pi = request(adminRequester, product.name());
        Task review = driver.task(pi.getId(), REVIEW);

        refusedAndStillWaiting(
                fixtures,
                pi,
                REVIEW,
                () -> driver.complete(
                        adminRequester.id(),
                        review,
                        approval(List.of(adminRequester.id()), product.id(), allPlans(product), null)),
                Rule.FOUR_EYES,
                "Another administrator must review it");

        driver.complete(
                approver.id(), review, approval(List.of(adminRequester.id()), product.id(), allPlans(product), null));
        assertThat(fixtures.holders(subscription)).containsExactly(adminRequester.id());
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "LICENSE_ASSIGNED")).isEqualTo(1);
        assertThat(inbox.to(adminRequester.email()))
                .as("no mail before the notify step")
                .isEmpty();
        driver.runJob(pi.getId(), NOTIFY_OUTCOME);
        assertThat(inbox.onlyMessageTo(adminRequester.email()).subject()).contains("is ready");
    }

    @Test
    void onlyTheConfiguredApproverRoleMayDecide() {
        DirectoryUser licenseAdmin = fixtures.admin(LICENSE_ADMIN);
        ProcessInstance pi = request(requester, product.name());

        String before = fixtures.snapshot();
        // Not a candidate, so the engine refuses before the domain is asked (which would refuse too).
        assertThatThrownBy(() -> driver.complete(
                        licenseAdmin.id(),
                        driver.task(pi.getId(), REVIEW),
                        approval(List.of(requester.id()), product.id(), allPlans(product), null)))
                .isInstanceOf(AuthorizationException.class)
                .hasMessageContaining("TASK_WORK");
        BpmnAwareTests.assertThat(pi).isWaitingAt(REVIEW);
        assertThat(fixtures.snapshot()).isEqualTo(before);
        assertThatThrownBy(() -> review.approve(
                        ChangeContext.byProcess(licenseAdmin.asActor(), "test", pi.getId()),
                        requestOf(pi).id(),
                        new ReviewDecision(true, null, null, null, null, false),
                        null))
                .isInstanceOfSatisfying(
                        LicenseRuleViolation.class, v -> assertThat(v.rule()).isEqualTo(Rule.NOT_THE_APPROVER))
                .hasMessageContaining("Global administrator");
    }

    @Test
    void theReviewerMayAssignFromAProductThatStandsIn() {
        Product premium = fixtures.product();
        long premiumSeats = fixtures.central(premium, 2);
        catalog.addSubstitute(product.id(), premium.id());
        ProcessInstance pi = request(requester, product.name());

        String review = driver.task(pi.getId(), REVIEW).getId();
        assertThat(driver.as(approver.id(), () -> engine.getFormService().getTaskFormVariables(review))
                        .get("productOptions")
                        .toString())
                .contains(product.name(), premium.name() + " - 2 seats available");
        driver.complete(
                approver.id(),
                driver.task(pi.getId(), REVIEW),
                approval(List.of(requester.id()), premium.id(), allPlans(premium), null));

        assertThat(fixtures.holders(premiumSeats)).containsExactly(requester.id());
        assertThat(requestOf(pi).assignedProductId()).isEqualTo(premium.id());
        assertThat(jdbc.sql(
                                "select product_id from audit_log where process_instance_id = ? and action = 'LICENSE_ASSIGNED'")
                        .param(pi.getId())
                        .query(String.class)
                        .single())
                .isEqualTo(premium.id());
        driver.runJob(pi.getId(), NOTIFY_OUTCOME);
        assertThat(inbox.onlyMessageTo(requester.email()).subject())
                .isEqualTo("Your license for " + premium.name() + " is ready");
    }

    @Test
    void aSeatShortageIsResolvedByBuyingSeatsThenAssignedInOneGo() {
        long small = fixtures.central(fixtures.product(), 1);
        Product scarce = catalog.require(fixtures.subscription(small).productId());
        ProcessInstance pi = approveBothIntoShortage(scarce);

        BpmnAwareTests.assertThat(pi).isWaitingAt(RESOLVE_SHORTAGE);
        assertThat(fixtures.holders(small)).as("nothing assigned while short").isEmpty();
        assertThat(ProcessDriver.asRead(engine.getRuntimeService().getVariable(pi.getId(), "shortageMessage")))
                .contains("2 users need one", "only 1 is available");

        driver.complete(
                approver.id(),
                driver.task(pi.getId(), RESOLVE_SHORTAGE),
                Map.of("shortageResolution", "addSeats", "seatSubscriptionId", String.valueOf(small), "seatsToAdd", 1));

        BpmnAwareTests.assertThat(pi).isWaitingAt(NOTIFY_OUTCOME);
        assertThat(fixtures.subscription(small).quantity()).isEqualTo(2);
        assertThat(fixtures.holders(small)).containsExactlyInAnyOrder(requester.id(), colleague.id());
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "SEATS_PURCHASED")).isEqualTo(1);
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "LICENSE_ASSIGNED")).isEqualTo(2);
        driver.runJob(pi.getId(), NOTIFY_OUTCOME);
        assertThat(inbox.onlyMessageTo(colleague.email()).subject()).contains("is ready");
    }

    @Test
    void aSeatShortageIsResolvedByPickingAnotherSubscription() {
        long small = fixtures.central(fixtures.product(), 1);
        Product scarce = catalog.require(fixtures.subscription(small).productId());
        long spare = fixtures.central(scarce, 0);
        ProcessInstance pi = approveBothIntoShortage(scarce);
        jdbc.sql("update subscription set quantity = 4 where id = ?")
                .param(spare)
                .update();

        driver.complete(
                approver.id(),
                driver.task(pi.getId(), RESOLVE_SHORTAGE),
                Map.of("shortageResolution", "otherSubscription", "targetSubscriptionId", String.valueOf(spare)));

        assertThat(fixtures.holders(spare)).containsExactlyInAnyOrder(requester.id(), colleague.id());
        assertThat(fixtures.holders(small)).isEmpty();
        assertThat(requestOf(pi).status()).isEqualTo(LicenseRequestStatus.APPROVED);
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "LICENSE_ASSIGNED")).isEqualTo(2);
        driver.runJob(pi.getId(), NOTIFY_OUTCOME);
        assertThat(inbox.onlyMessageTo(requester.email()).subject()).contains("is ready");
    }

    @Test
    void aSeatShortageIsResolvedByLeavingUsersOut() {
        long small = fixtures.central(fixtures.product(), 1);
        Product scarce = catalog.require(fixtures.subscription(small).productId());
        ProcessInstance pi = approveBothIntoShortage(scarce);

        refusedAndStillWaiting(
                fixtures,
                pi,
                RESOLVE_SHORTAGE,
                () -> driver.complete(
                        approver.id(),
                        driver.task(pi.getId(), RESOLVE_SHORTAGE),
                        Map.of("shortageResolution", "dropUsers", "keptUserIds", List.of())),
                Rule.INVALID_INPUT,
                "Keep at least one user");
        driver.complete(
                approver.id(),
                driver.task(pi.getId(), RESOLVE_SHORTAGE),
                Map.of("shortageResolution", "dropUsers", "keptUserIds", List.of(colleague.id())));

        assertThat(fixtures.holders(small)).containsExactly(colleague.id());
        assertThat(requestOf(pi).status()).isEqualTo(LicenseRequestStatus.PARTLY_APPROVED);
        assertThat(outcomes(pi)).containsEntry(requester.id(), UserOutcome.DENIED);
        assertThat(fixtures.auditRowsOfProcess(pi.getId(), "LICENSE_ASSIGNED")).isEqualTo(1);
        driver.runJob(pi.getId(), NOTIFY_OUTCOME);
        assertThat(inbox.onlyMessageTo(requester.email()).subject()).contains("was denied");
        assertThat(inbox.onlyMessageTo(colleague.email()).subject()).contains("is ready");
    }

    @Test
    void approversAreRemindedWhileTheRequestWaits() {
        ProcessInstance pi = request(requester, product.name());
        assertThat(driver.job(pi.getId(), "BoundaryEvent_ReminderDue").getDuedate())
                .isCloseTo(
                        new java.util.Date(
                                System.currentTimeMillis() + Duration.ofDays(3).toMillis()),
                        60_000);

        driver.advance(Duration.ofDays(3).plusMinutes(1));
        driver.runJob(pi.getId(), "BoundaryEvent_ReminderDue");

        BpmnAwareTests.assertThat(pi).isWaitingAt(REVIEW, "Activity_RemindApprovers");
        assertThat(driver.job(pi.getId(), "BoundaryEvent_ReminderDue"))
                .as("the next reminder")
                .isNotNull();

        driver.runJob(pi.getId(), "Activity_RemindApprovers");
        DevMail reminder = inbox.onlyMessageTo(approver.email());
        assertThat(reminder.subject())
                .isEqualTo("Reminder: a license request for " + product.name() + " from " + requester.displayName()
                        + " waits for your review");
        assertThat(inbox.to(requester.email())).isEmpty();
        BpmnAwareTests.assertThat(pi).isWaitingAt(REVIEW);

        driver.advance(Duration.ofDays(3));
        driver.runJob(pi.getId(), "BoundaryEvent_ReminderDue");
        driver.runJob(pi.getId(), "Activity_RemindApprovers");
        assertThat(inbox.to(approver.email()))
                .as("a second reminder three days later")
                .hasSize(2);
    }

    @Test
    void anUndecidedRequestExpiresAtTheEndOfTheRetentionPeriod() {
        ProcessInstance pi = request(requester, product.name(), colleague.id());

        driver.advance(Duration.ofDays(30).plusMinutes(1));
        driver.runJob(pi.getId(), "BoundaryEvent_RetentionPeriodOver");

        BpmnAwareTests.assertThat(pi).isWaitingAt("Activity_NotifyRequestExpired");
        assertThat(driver.task(pi.getId(), REVIEW)).isNull();
        assertThat(requestOf(pi).status()).isEqualTo(LicenseRequestStatus.EXPIRED);
        assertThat(outcomes(pi).values()).containsOnly(UserOutcome.EXPIRED);

        driver.runJob(pi.getId(), "Activity_NotifyRequestExpired");
        BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(inbox.onlyMessageTo(colleague.email()).subject())
                .isEqualTo("Your license request for " + product.name() + " expired");
        assertThat(inbox.onlyMessageTo(requester.email()).subject()).contains("expired");
    }

    @Test
    void completedRequestsLeaveTheListAfterTheRetentionPeriod() {
        ProcessInstance pi = request(requester, product.name());
        driver.complete(
                approver.id(),
                driver.task(pi.getId(), REVIEW),
                approval(List.of(requester.id()), product.id(), allPlans(product), null));
        String id = requestOf(pi).id();
        assertThat(requestList
                        .list(approver.asActor(), true, PageRequest.first(PageRequest.MAX_SIZE))
                        .items())
                .extracting(LicenseRequest::id)
                .contains(id);
        assertThat(requestList
                        .list(approver.asActor(), false, PageRequest.first(PageRequest.MAX_SIZE))
                        .items())
                .extracting(LicenseRequest::id)
                .doesNotContain(id);

        driver.advance(Duration.ofDays(29));
        retention.purge();
        assertThat(requestList
                        .list(approver.asActor(), true, PageRequest.first(PageRequest.MAX_SIZE))
                        .items())
                .extracting(LicenseRequest::id)
                .contains(id);

        driver.advance(Duration.ofDays(2));
        assertThat(requestList
                        .list(approver.asActor(), true, PageRequest.first(PageRequest.MAX_SIZE))
                        .items())
                .extracting(LicenseRequest::id)
                .doesNotContain(id);
        assertThat(retention.purge()).isPositive();
        assertThat(requests.find(id)).isEmpty();
        assertThat(fixtures.holders(subscription)).as("licenses stay").containsExactly(requester.id());
    }

    @Test
    void withTheOrganisationsOwnProcessNothingEntersTheListButOlderRequestsCanStillBeDecided() {
        ProcessInstance before = request(requester, product.name());
        DirectoryUser admin = fixtures.admin(GLOBAL_ADMIN);
        TenantSettings original = settings.current();
        settings.change(
                ChangeContext.byUser(admin.asActor(), "test"),
                new TenantSettings(
                        true,
                        "Ask the IT service desk",
                        "https://it.example/licenses",
                        original.requestRetentionDays()));
        try {
            long instances = runtime.createProcessInstanceQuery()
                    .processDefinitionKey("license-request")
                    .count();
            assertThatThrownBy(() -> request(colleague, product.name()))
                    .isInstanceOfSatisfying(
                            LicenseRuleViolation.class,
                            v -> assertThat(v.rule()).isEqualTo(Rule.OWN_REQUEST_PROCESS))
                    .hasMessageContainingAll("Ask the IT service desk", "https://it.example/licenses");
            assertThat(runtime.createProcessInstanceQuery()
                            .processDefinitionKey("license-request")
                            .count())
                    .isEqualTo(instances);
            assertThat(requestList
                            .list(colleague.asActor(), false, PageRequest.first(PageRequest.MAX_SIZE))
                            .items())
                    .isEmpty();

            driver.complete(
                    approver.id(),
                    driver.task(before.getId(), REVIEW),
                    approval(List.of(requester.id()), product.id(), allPlans(product), null));
            assertThat(requestOf(before).status()).isEqualTo(LicenseRequestStatus.APPROVED);
        } finally {
            settings.change(ChangeContext.byUser(admin.asActor(), "test"), original);
        }
    }

    @Test
    void aProductUsersMayBuyThemselvesNeedsNoRequest() {
        Product buyable = fixtures.product(SelfServicePolicy.ENABLED, 2);
        assertThatThrownBy(() -> request(requester, buyable.name()))
                .isInstanceOfSatisfying(
                        LicenseRuleViolation.class, v -> assertThat(v.rule()).isEqualTo(Rule.SELF_SERVICE_AVAILABLE))
                .hasMessageContaining("as a self-service purchase")
                .hasMessageNotContaining("/api/");
    }

    @Test
    void badRequestsStartNothing() {
        DirectoryUser holder = fixtures.member();
        request(colleague, product.name());
        List<String> twenty = fixtures.members(20);
        long instances = runtime.createProcessInstanceQuery()
                .processDefinitionKey("license-request")
                .count();
        long pendingRequests = requestList
                .list(approver.asActor(), false, PageRequest.first(1))
                .total();
        String before = fixtures.snapshot();

        expectRefusal(
                () -> request(requester, "Nonexistent Suite"),
                Rule.UNKNOWN_PRODUCT,
                "There is no product 'Nonexistent Suite'");
        expectRefusal(() -> request(requester, product.name(), "ghost"), Rule.UNKNOWN_USER, "'ghost'");
        expectRefusal(
                () -> request(requester, product.name(), holder.id(), holder.email()), Rule.DUPLICATE_USER, "twice");
        expectRefusal(
                () -> request(requester, product.name(), twenty.toArray(String[]::new)),
                Rule.TOO_MANY_USERS,
                "at most 20");
        expectRefusal(
                () -> request(requester, product.name(), colleague.id()), Rule.DUPLICATE_REQUEST, "already waiting");
        assertThat(fixtures.snapshot()).isEqualTo(before);
        grantLicense(holder);
        pendingRequests = requestList
                .list(approver.asActor(), false, PageRequest.first(1))
                .total();
        instances = runtime.createProcessInstanceQuery()
                .processDefinitionKey("license-request")
                .count();
        expectRefusal(
                () -> request(requester, product.name(), holder.id()),
                Rule.ALREADY_LICENSED,
                "already has a " + product.name());
        expectUntrusted(
                () -> driver.as(
                        requester.id(),
                        () -> runtime.startProcessInstanceByKey(
                                "license-request",
                                Map.of("requesterId", colleague.id(), "requestedProduct", product.id()))),
                "in your own name");

        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey("license-request")
                        .count())
                .isEqualTo(instances);
        assertThat(requestList
                        .list(requester.asActor(), false, PageRequest.first(PageRequest.MAX_SIZE))
                        .items())
                .isEmpty();
        assertThat(requestList
                        .list(approver.asActor(), false, PageRequest.first(1))
                        .total())
                .isEqualTo(pendingRequests);
    }

    /** Requester and colleague both approved for a product with fewer seats than that. */
    private ProcessInstance approveBothIntoShortage(Product scarce) {
        ProcessInstance pi = request(requester, scarce.name(), colleague.id());
        driver.complete(
                approver.id(),
                driver.task(pi.getId(), REVIEW),
                approval(List.of(requester.id(), colleague.id()), scarce.id(), allPlans(scarce), null));
        return pi;
    }

    private void grantLicense(DirectoryUser user) {
        ProcessInstance pi = request(user, product.name());
        driver.complete(
                approver.id(),
                driver.task(pi.getId(), REVIEW),
                approval(List.of(user.id()), product.id(), allPlans(product), null));
    }
}
