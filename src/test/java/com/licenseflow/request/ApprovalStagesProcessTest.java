package com.licenseflow.request;

import static com.licenseflow.inventory.access.AdminRole.GLOBAL_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static com.licenseflow.support.Refusals.refusedAndStillWaiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.shared.Rule;
import com.licenseflow.support.Api;
import com.licenseflow.support.ConsoleSession;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * license-request.bpmn with the approval policy's stages (license-approval-policy.dmn as shipped):
 * automatic approval, manager then admin, denial at a stage, escalation, four-eyes in every stage.
 */
@IntegrationTest
class ApprovalStagesProcessTest {

    @LocalServerPort
    int port;

    static final String STAGE = "Activity_ApproveLicenseRequestAtStage";
    static final String REVIEW = "Activity_ReviewLicenseRequest";
    static final String NOTIFY_OUTCOME = "Activity_NotifyRequestOutcome";

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

    Product standard;
    Product exploratory;
    DirectoryUser boss;
    DirectoryUser manager;
    DirectoryUser requester;
    DirectoryUser colleague;
    DirectoryUser licenseAdmin;
    DirectoryUser globalAdmin;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        standard = fixtures.namedProduct("O365_BUSINESS_PREMIUM", "Microsoft 365 Business Standard", "12.50");
        exploratory = fixtures.namedProduct("TEAMS_EXPLORATORY", "Microsoft Teams Exploratory", "0.00");
        fixtures.central(standard, 10);
        fixtures.central(exploratory, 10);
        boss = fixtures.member();
        manager = fixtures.member();
        requester = fixtures.member();
        colleague = fixtures.member();
        fixtures.reportsTo(manager, boss);
        fixtures.reportsTo(requester, manager);
        fixtures.reportsTo(colleague, manager);
        licenseAdmin = fixtures.admin(LICENSE_ADMIN);
        globalAdmin = fixtures.admin(GLOBAL_ADMIN);
    }

    @AfterEach
    void tearDown() {
        driver.resetClock();
    }

    @Test
    void teamsExploratoryIsApprovedAutomaticallyInThePolicysName() {
        ProcessInstance pi = request(requester, exploratory, colleague);

        BpmnAwareTests.assertThat(pi).isWaitingAt(NOTIFY_OUTCOME);
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(pi.getId())
                        .count())
                .isZero();
        LicenseRequest done = requestOf(pi);
        assertThat(done.status()).isEqualTo(LicenseRequestStatus.APPROVED);
        assertThat(done.decidedBy()).isEqualTo(ApprovalStages.POLICY_ACTOR_ID);
        assertThat(done.decisionMessage())
                .isEqualTo("Approved automatically: Teams Exploratory is approved automatically");
        assertThat(licensed(pi)).containsExactlyInAnyOrder(requester.id(), colleague.id());
        assertThat(jdbc.sql(
                                "select distinct actor from audit_log where process_instance_id = ? and action = 'LICENSE_ASSIGNED'")
                        .param(pi.getId())
                        .query(String.class)
                        .list())
                .containsExactly(ApprovalStages.POLICY_ACTOR_ID);
    }

    @Test
    void twoStagesApprovedTheManagerThenALicenseAdministratorWhoChoosesTheServices() {
        ProcessInstance pi = request(requester, standard, colleague);

        Task stage = driver.task(pi.getId(), STAGE);
        assertThat(stage.getAssignee()).isEqualTo(manager.id());
        assertThat(candidateGroups(stage)).isEmpty();
        assertThat(driver.shownInForm(manager.id(), pi.getId(), STAGE, "stageSummary"))
                .contains(
                        "Approval stage 1 of 2",
                        "Business Standard: manager, then a License administrator",
                        requester.displayName(),
                        colleague.displayName());
        assertThat(progress(pi))
                .isEqualTo(new ApprovalStages.Progress(
                        "Business Standard: manager, then a License administrator", 1, 2, manager.displayName()));

        driver.complete(manager.id(), stage, Map.of("stageDecision", "approve"));

        Task review = driver.task(pi.getId(), REVIEW);
        assertThat(review.getAssignee()).isNull();
        assertThat(candidateGroups(review)).containsExactly("license-admins");
        assertThat(runtime.getVariables(pi.getId()))
                .as("the stage's answers do not prefill the next form")
                .doesNotContainKeys("stageDecision", "stageMessage");
        assertThat(progress(pi).waitingFor()).isEqualTo("a License administrator");

        driver.complete(licenseAdmin.id(), review, Map.of("decision", "approve"));

        BpmnAwareTests.assertThat(pi).isWaitingAt(NOTIFY_OUTCOME);
        assertThat(requestOf(pi).decidedBy()).isEqualTo(licenseAdmin.id());
        assertThat(licensed(pi)).containsExactlyInAnyOrder(requester.id(), colleague.id());
        assertThat(stageOutcomes(pi))
                .containsExactly("APPROVED by " + manager.id(), "APPROVED by " + licenseAdmin.id());
    }

    @Test
    void theManagerDeniesAtStageOneAndNoAdminIsAsked() {
        ProcessInstance pi = request(requester, standard);

        driver.complete(
                manager.id(),
                driver.task(pi.getId(), STAGE),
                Map.of("stageDecision", "deny", "stageMessage", "Use the shared account", "stageDenyConfirmed", true));

        BpmnAwareTests.assertThat(pi).isWaitingAt(NOTIFY_OUTCOME);
        LicenseRequest denied = requestOf(pi);
        assertThat(denied.status()).isEqualTo(LicenseRequestStatus.DENIED);
        assertThat(denied.decidedBy()).isEqualTo(manager.id());
        assertThat(denied.decisionMessage()).isEqualTo("Use the shared account");
        assertThat(stageOutcomes(pi)).containsExactly("DENIED by " + manager.id(), "WAITING");
        assertThat(licensed(pi)).isEmpty();
        assertThat(progress(pi))
                .as("it ended at the stage that denied it, waiting for nobody")
                .isEqualTo(new ApprovalStages.Progress(
                        "Business Standard: manager, then a License administrator", 1, 2, null));
    }

    @Test
    void theCompletedListShowsARequestDeniedAtAStageToEveryoneWhoReadsIt() {
        ProcessInstance pi = request(requester, standard, colleague);
        driver.complete(
                manager.id(),
                driver.task(pi.getId(), STAGE),
                Map.of("stageDecision", "deny", "stageMessage", "Use the shared account", "stageDenyConfirmed", true));
        String id = requestOf(pi).id();

        for (DirectoryUser reader : List.of(requester, colleague, globalAdmin)) {
            Api.Response list = Api.at(port).as(reader.id()).get("/api/license-requests?status=completed");
            assertThat(list.status()).as(reader.id() + ": " + list.body()).isEqualTo(200);
            JsonNode row = java.util.stream.StreamSupport.stream(list.json().spliterator(), false)
                    .filter(r -> r.path("id").asText().equals(id))
                    .findFirst()
                    .orElseThrow();
            assertThat(row.path("status").asText()).isEqualTo("DENIED");
            assertThat(row.path("approval").path("stage").asInt()).isEqualTo(1);
            assertThat(row.path("approval").hasNonNull("waitingFor")).isFalse();

            Api.Response page = ConsoleSession.login(port, reader.id()).get("/console/requests?status=completed");
            assertThat(page.status()).as(reader.id() + ": " + page.body()).isEqualTo(200);
            assertThat(page.body()).contains(standard.name(), "Denied", "by " + manager.displayName());
        }
    }

    @Test
    void aStageThatWaitsTooLongGoesToTheManagersManagerThenTheReviewToAGlobalAdministrator() {
        ProcessInstance pi = request(requester, standard);

        driver.advance(Duration.ofDays(5).plusMinutes(1));
        driver.runJob(pi.getId(), "BoundaryEvent_StageWaitedTooLong");

        Task escalated = driver.task(pi.getId(), STAGE);
        assertThat(escalated.getAssignee()).as("the manager's manager").isEqualTo(boss.id());
        driver.complete(boss.id(), escalated, Map.of("stageDecision", "approve"));
        assertThat(candidateGroups(driver.task(pi.getId(), REVIEW))).containsExactly("license-admins");

        driver.advance(Duration.ofDays(7).plusMinutes(1));
        driver.runJob(pi.getId(), "BoundaryEvent_ReviewWaitedTooLong");

        Task review = driver.task(pi.getId(), REVIEW);
        assertThat(candidateGroups(review))
                .as("the License administrator's fallback")
                .containsExactly("global-admins");
        assertThat(requestOf(pi).status()).as("never a silent expiry").isEqualTo(LicenseRequestStatus.PENDING);
        String before = fixtures.snapshot();
        assertThatThrownBy(() -> driver.complete(licenseAdmin.id(), review, Map.of("decision", "approve")))
                .as("no longer theirs: the engine refuses")
                .isInstanceOf(AuthorizationException.class);
        assertThat(fixtures.snapshot()).isEqualTo(before);
        driver.complete(globalAdmin.id(), driver.task(pi.getId(), REVIEW), Map.of("decision", "approve"));
        assertThat(stageOutcomes(pi)).containsExactly("APPROVED by " + boss.id(), "APPROVED by " + globalAdmin.id());
    }

    @Test
    void aManagerTheRequestNamesIsSkippedForTheirOwnManagerNeverApprovingForThemselves() {
        ProcessInstance pi = request(requester, standard, manager);

        assertThat(driver.task(pi.getId(), STAGE).getAssignee()).isEqualTo(boss.id());
    }

    @Test
    void aRequesterWithoutAManagerWaitsForTheManagerStagesFallback() {
        DirectoryUser newcomer = fixtures.member();

        ProcessInstance pi = request(newcomer, standard);

        Task stage = driver.task(pi.getId(), STAGE);
        assertThat(stage.getAssignee()).isNull();
        assertThat(candidateGroups(stage)).containsExactly("global-admins");
    }

    @Test
    void aManagerAskingForThemselvesGoesUpTheChain() {
        ProcessInstance pi = request(manager, standard, requester);

        assertThat(driver.task(pi.getId(), STAGE).getAssignee()).isEqualTo(boss.id());
    }

    @Test
    void anApproverWhoseOwnRequestReachesTheirGroupCannotApproveIt() {
        DirectoryUser adminWithoutManager = fixtures.admin(GLOBAL_ADMIN);
        ProcessInstance pi = request(adminWithoutManager, standard);
        Task stage = driver.task(pi.getId(), STAGE);
        assertThat(candidateGroups(stage)).containsExactly("global-admins");

        refusedAndStillWaiting(
                fixtures,
                pi,
                STAGE,
                () -> driver.complete(adminWithoutManager.id(), stage, Map.of("stageDecision", "approve")),
                Rule.FOUR_EYES,
                "yourself");
        assertThat(stageOutcomes(pi)).containsExactly("WAITING", "WAITING");
        driver.complete(globalAdmin.id(), stage, Map.of("stageDecision", "approve"));
        assertThat(stageOutcomes(pi)).containsExactly("APPROVED by " + globalAdmin.id(), "WAITING");
    }

    @Test
    void anAdminTheRequestNamesCannotReviewIt() {
        DirectoryUser namedAdmin = fixtures.admin(LICENSE_ADMIN);
        ProcessInstance pi = request(requester, standard, namedAdmin);
        driver.complete(manager.id(), driver.task(pi.getId(), STAGE), Map.of("stageDecision", "approve"));

        refusedAndStillWaiting(
                fixtures,
                pi,
                REVIEW,
                () -> driver.complete(namedAdmin.id(), driver.task(pi.getId(), REVIEW), Map.of("decision", "approve")),
                Rule.FOUR_EYES,
                "for you too");
        assertThat(licensed(pi)).isEmpty();
    }

    private ProcessInstance request(DirectoryUser who, Product product, DirectoryUser... colleagues) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("requestedProduct", product.name());
        variables.put(
                "requestedColleagues",
                String.join(
                        ",",
                        java.util.Arrays.stream(colleagues)
                                .map(DirectoryUser::id)
                                .toList()));
        variables.put("justification", "Needed for the quarterly report");
        return driver.as(who.id(), () -> runtime.startProcessInstanceByKey(LicenseRequestProcess.KEY, variables));
    }

    private LicenseRequest requestOf(ProcessInstance pi) {
        return requests.findByProcessInstance(pi.getId()).orElseThrow();
    }

    private ApprovalStages.Progress progress(ProcessInstance pi) {
        return requestList.progress(List.of(requestOf(pi))).get(requestOf(pi).id());
    }

    private List<String> candidateGroups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private List<String> licensed(ProcessInstance pi) {
        return jdbc.sql("select user_id from audit_log where process_instance_id = ? and action = 'LICENSE_ASSIGNED'")
                .param(pi.getId())
                .query(String.class)
                .list();
    }

    private List<String> stageOutcomes(ProcessInstance pi) {
        return jdbc.sql("select outcome, decided_by from license_request_stage where request_id = ? order by position")
                .param(requestOf(pi).id())
                .query((rs, n) -> rs.getString(1) + (rs.getString(2) == null ? "" : " by " + rs.getString(2)))
                .list();
    }
}
