package com.licenseflow.tenant;

import static com.licenseflow.inventory.access.AdminRole.GLOBAL_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.notification.devserver.DevMail;
import com.licenseflow.notification.devserver.DevMailbox;
import com.licenseflow.request.LicenseRequest;
import com.licenseflow.request.LicenseRequestRepository;
import com.licenseflow.request.LicenseRequestStatus;
import com.licenseflow.request.RequestedUser;
import com.licenseflow.request.UserOutcome;
import com.licenseflow.shared.LicenseRuleViolation;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.GraphStandIn;
import com.licenseflow.support.GraphTenant;
import com.licenseflow.support.Inbox;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * With a tenant connected, an approved license request counts once Microsoft 365 has the licenses: it waits for the
 * tenant's answer before anyone is emailed, and the users Microsoft 365 refused go before an admin in the request
 * itself ("Resolve refused licenses"), who asks again once the cause is fixed or leaves them out, and the users are
 * told what really happened.
 */
@IntegrationTest
class LicenseRequestInTenantTest {

    private static final String REVIEW = "Activity_ReviewLicenseRequest";
    private static final String WAIT = "Activity_WaitForMicrosoft365";
    private static final String RESOLVE = "Activity_ResolveRefusedLicenses";
    private static final String NOTIFY_OUTCOME = "Activity_NotifyRequestOutcome";

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
    JdbcClient jdbc;

    @Autowired
    TenantWriter writer;

    @Autowired
    LicenseRequestRepository requests;

    @Autowired
    DevMailbox devMailbox;

    @Autowired
    StandInConnection standIn;

    Inbox inbox;
    Product product;
    String sku;
    long central;
    DirectoryUser requester;
    DirectoryUser colleague;
    DirectoryUser approver;

    @BeforeEach
    void connectToTheStandIn() {
        BpmnAwareTests.init(engine);
        standIn.connect(GRAPH);
        inbox = new Inbox(devMailbox);
        product = fixtures.product();
        sku = UUID.randomUUID().toString();
        catalog.changeSkuId(product.id(), sku);
        TENANT.seats(sku, 10);
        central = fixtures.central(product, 5);
        requester = fixtures.member();
        colleague = fixtures.member();
        approver = fixtures.admin(GLOBAL_ADMIN);
    }

    @AfterEach
    void disconnect() {
        standIn.disconnect();
    }

    @AfterAll
    static void stopTheStandIn() {
        GRAPH.close();
    }

    private ProcessInstance approvedRequest() {
        ProcessInstance pi = driver.as(
                requester.id(),
                () -> engine.getRuntimeService()
                        .startProcessInstanceByKey(
                                "license-request",
                                Map.of(
                                        "requestedProduct",
                                        product.name(),
                                        "requestedColleagues",
                                        colleague.id(),
                                        "justification",
                                        "Quarterly report")));
        Map<String, Object> decision = new HashMap<>();
        decision.put("decision", "approve");
        decision.put("approvedUserIds", new ArrayList<>(List.of(requester.id(), colleague.id())));
        decision.put("assignedProductId", product.id());
        decision.put("enabledServicePlans", new ArrayList<>(product.planIds()));
        decision.put("decisionMessage", "Enjoy");
        driver.complete(approver.id(), driver.task(pi.getId(), REVIEW), decision);
        return pi;
    }

    /** The tenant writer sends what is due; Microsoft 365's answer then moves the request on (its own job). */
    private TenantWriter.Written microsoftAnswers(ProcessInstance pi) {
        TenantWriter.Written written = writer.writeDue(Duration.ZERO);
        driver.runJob(pi.getId(), WAIT);
        return written;
    }

    private Map<String, UserOutcome> outcomes(ProcessInstance pi) {
        return requests.findByProcessInstance(pi.getId()).orElseThrow().users().stream()
                .collect(Collectors.toMap(RequestedUser::userId, RequestedUser::outcome));
    }

    private int mailsRecorded(ProcessInstance pi) {
        return jdbc.sql("select count(*) from notification where process_instance_id = ?")
                .param(pi.getId())
                .query(Integer.class)
                .single();
    }

    @Test
    void anApprovedRequestWaitsForMicrosoft365BeforeAnyoneIsEmailed() {
        ProcessInstance pi = approvedRequest();

        BpmnAwareTests.assertThat(pi).isWaitingAt(WAIT);
        assertThat(mailsRecorded(pi))
                .as("nobody told before Microsoft 365 has the licenses")
                .isZero();
        assertThat(fixtures.holders(central)).containsExactlyInAnyOrder(requester.id(), colleague.id());
        // "Microsoft 365 answered" sent by someone else (a Global administrator may, in Cockpit) while the licenses
        // are still on their way: the request waits again.
        engine.getRuntimeService()
                .createMessageCorrelation(LicenseChangeRefusals.ANSWERED)
                .processInstanceId(pi.getId())
                .correlate();
        driver.runJob(pi.getId(), WAIT);
        BpmnAwareTests.assertThat(pi).isWaitingAt(WAIT);
        assertThat(mailsRecorded(pi)).isZero();

        assertThat(microsoftAnswers(pi).applied()).isEqualTo(2);

        BpmnAwareTests.assertThat(pi).isWaitingAt(NOTIFY_OUTCOME);
        assertThat(TENANT.licensesOf(colleague.email())).containsOnlyKeys(sku);
        driver.runJob(pi.getId(), NOTIFY_OUTCOME);
        BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(inbox.onlyMessageTo(colleague.email()).subject()).contains("is ready");
        assertThat(inbox.onlyMessageTo(requester.email()).subject()).contains("is ready");
    }

    @Test
    void usersMicrosoft365RefusedGoBeforeAnAdminWhoLeavesThemOutAndTheyAreToldWhy() {
        TENANT.seats(sku, 1);
        ProcessInstance pi = approvedRequest();

        TenantWriter.Written written = microsoftAnswers(pi);

        assertThat(written.applied()).isOne();
        assertThat(written.refused()).isOne();
        BpmnAwareTests.assertThat(pi).isWaitingAt(RESOLVE);
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey(LicenseChangeRefusals.KEY)
                        .processInstanceBusinessKey(pi.getId())
                        .count())
                .as("the request resolves it itself: no separate admin task")
                .isZero();
        assertThat(fixtures.holders(central)).as("the refused license undone").containsExactly(requester.id());
        assertThat(mailsRecorded(pi)).isZero();
        String shown = driver.shownInForm(approver.id(), pi.getId(), RESOLVE, "refusedLicenses");
        assertThat(shown)
                .contains("**" + colleague.displayName() + "**, " + product.name() + ": Microsoft 365 has no "
                        + product.name() + " license left for " + colleague.displayName())
                .doesNotContain(requester.displayName());

        Task resolve = driver.task(pi.getId(), RESOLVE);
        assertThatThrownBy(() -> driver.complete(requester.id(), resolve, Map.of("refusalResolution", "leaveOut")))
                .as("an employee cannot resolve it")
                .isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> driver.complete(approver.id(), resolve, Map.of("refusalResolution", "sure")))
                .isInstanceOf(LicenseRuleViolation.class)
                .hasMessageContaining("ask Microsoft 365 again, or leave");
        BpmnAwareTests.assertThat(pi).isWaitingAt(RESOLVE);
        assertThat(outcomes(pi)).containsEntry(colleague.id(), UserOutcome.APPROVED);

        driver.complete(approver.id(), resolve, Map.of("refusalResolution", "leaveOut"));

        BpmnAwareTests.assertThat(pi).isWaitingAt(NOTIFY_OUTCOME);
        LicenseRequest request = requests.findByProcessInstance(pi.getId()).orElseThrow();
        assertThat(request.status()).isEqualTo(LicenseRequestStatus.PARTLY_APPROVED);
        assertThat(outcomes(pi))
                .containsOnly(
                        Map.entry(requester.id(), UserOutcome.APPROVED), Map.entry(colleague.id(), UserOutcome.DENIED));
        driver.runJob(pi.getId(), NOTIFY_OUTCOME);
        DevMail toColleague = inbox.onlyMessageTo(colleague.email());
        assertThat(toColleague.subject())
                .isEqualTo("Microsoft 365 could not assign your " + product.name() + " license");
        assertThat(toColleague.text())
                .contains(
                        "was approved, but Microsoft 365 refused to assign it: Microsoft 365 has no " + product.name()
                                + " license left",
                        "No license was assigned to you.");
        assertThat(inbox.onlyMessageTo(requester.email()).subject()).contains("is ready");
    }

    @Test
    void onceTheCauseIsFixedTheRefusedUsersAreAskedForAgainInTheResolversName() {
        TENANT.refuse(colleague.email(), "ProhibitedInUsageLocationViolation");
        ProcessInstance pi = approvedRequest();
        microsoftAnswers(pi);
        BpmnAwareTests.assertThat(pi).isWaitingAt(RESOLVE);
        DirectoryUser resolver = fixtures.admin(GLOBAL_ADMIN);
        TENANT.stopRefusing(colleague.email());
        TENANT.forgetReceived();

        driver.complete(resolver.id(), driver.task(pi.getId(), RESOLVE), Map.of("refusalResolution", "askAgain"));

        BpmnAwareTests.assertThat(pi).isWaitingAt(WAIT);
        assertThat(fixtures.holders(central)).containsExactlyInAnyOrder(requester.id(), colleague.id());
        assertThat(fixtures.auditActorsOfProcess(pi.getId())).contains(resolver.id());
        TenantWriter.Written written = microsoftAnswers(pi);
        assertThat(written.applied()).as("only the refused user asked again").isOne();
        assertThat(TENANT.received()).hasSize(1);
        assertThat(TENANT.licensesOf(colleague.email())).containsOnlyKeys(sku);

        BpmnAwareTests.assertThat(pi).isWaitingAt(NOTIFY_OUTCOME);
        assertThat(outcomes(pi))
                .containsOnly(
                        Map.entry(requester.id(), UserOutcome.APPROVED),
                        Map.entry(colleague.id(), UserOutcome.APPROVED));
        driver.runJob(pi.getId(), NOTIFY_OUTCOME);
        assertThat(inbox.onlyMessageTo(colleague.email()).subject()).contains("is ready");
    }

    @Test
    void aRefusedUserCannotBeAskedForAgainOrLeftOutWithoutTheResolution() {
        TENANT.refuse(colleague.email(), "MutuallyExclusiveViolation");
        ProcessInstance pi = approvedRequest();
        microsoftAnswers(pi);
        String before = fixtures.snapshot();

        for (String step : List.of("Activity_AssignRefusedLicensesAgain", "Activity_LeaveRefusedUsersOut")) {
            assertThatThrownBy(() -> engine.getRuntimeService()
                            .createProcessInstanceModification(pi.getId())
                            .startBeforeActivity(step)
                            .execute())
                    .hasMessageContaining("acts only on a decision just made in 'Resolve refused licenses'");
        }
        BpmnAwareTests.assertThat(pi).isWaitingAt(RESOLVE);
        assertThat(fixtures.snapshot()).isEqualTo(before);
    }
}
