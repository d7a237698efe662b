package com.licenseflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licenseflow.request.LicenseRequestRepository;
import com.licenseflow.request.LicenseRequestStatus;
import com.licenseflow.support.Api;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.WebappSession;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who decided is the user the engine authenticated when they completed the task or started the
 * process - never a variable - and a step acts only on a decision made just then in its own
 * instance. Not even a Global administrator, who may use the engine REST API and change running
 * work, can make LicenseFlow record a decision nobody made.
 */
@IntegrationTest
class ForgedDecisionTest extends AttackTest {

    @Autowired
    LicenseRequestRepository requests;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private String startAt(String activity, String variables) {
        return "{\"variables\":{" + variables + "},\"startInstructions\":[{\"type\":\"startBeforeActivity\","
                + "\"activityId\":\"" + activity + "\"}]}";
    }

    @Test
    void startInstructionsCannotApproveDenyOrBuySeatsWithoutAReview() {
        Api admin = api(globalAdmin);
        String start = "/engine-rest/process-definition/key/license-request/start";
        String forged = "\"licenseRequestId\":{\"value\":\"" + requestId() + "\"},\"reviewerId\":{\"value\":\""
                + globalAdmin.id() + "\"},\"decision\":{\"value\":\"approve\"},\"denyConfirmed\":{\"value\":true}";
        refusedAndUnchanged(
                () -> admin.post(start, startAt("Activity_AssignLicenses", forged)),
                400,
                "'Assign licenses' acts only on a decision just made in 'Review license request' or "
                        + "'Resolve seat shortage'");
        refusedAndUnchanged(
                () -> admin.post(start, startAt("Activity_RecordDenial", forged)),
                400,
                "'Record denial' acts only on a decision just made in 'Review license request'");
        refusedAndUnchanged(
                () -> admin.post(
                        start,
                        startAt("Activity_RecordStageApproval", forged + ",\"stageDecision\":{\"value\":\"approve\"}")),
                400,
                "'Record stage approval' acts only on a decision just made in 'Approve license request'");
        refusedAndUnchanged(
                () -> admin.post(
                        start,
                        startAt(
                                "Activity_ApplySeatShortageResolution",
                                forged
                                        + ",\"shortageResolution\":{\"value\":\"addSeats\"},\"seatSubscriptionId\":{\"value\":\""
                                        + seats
                                        + "\"},\"seatsToAdd\":{\"value\":3},\"shortageResolvedBy\":{\"value\":\""
                                        + globalAdmin.id() + "\"}")),
                400,
                "acts only on a decision just made in 'Resolve seat shortage'");
    }

    @Test
    void instanceModificationCannotSkipTheDecision() {
        String approve =
                "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Activity_AssignLicenses\","
                        + "\"variables\":{\"reviewerId\":{\"value\":\"" + globalAdmin.id() + "\",\"local\":false},"
                        + "\"decision\":{\"value\":\"approve\",\"local\":false}}}]}";
        refusedAndUnchanged(
                () -> api(globalAdmin)
                        .post("/engine-rest/process-instance/" + request.getId() + "/modification", approve),
                400,
                "'Assign licenses' acts only on a decision just made");
        String passStage = "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":"
                + "\"Activity_RecordStageApproval\",\"variables\":{\"stageDecision\":{\"value\":\"approve\","
                + "\"local\":false}}}]}";
        refusedAndUnchanged(
                () -> api(globalAdmin)
                        .post("/engine-rest/process-instance/" + request.getId() + "/modification", passStage),
                400,
                "'Record stage approval' acts only on a decision just made");

        long selfService = fixtures.selfService(
                product, colleague.id(), 3, LocalDate.now(clock).minusDays(2), 7);
        fixtures.license(selfService, List.of(colleague.id()));
        ProcessInstance takeover = driver.as(
                billingAdmin.id(),
                () -> runtime.startProcessInstanceByKey(
                        "subscription-takeover", Map.of("subscriptionId", selfService)));
        String cancel =
                "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Activity_CancelSubscription\","
                        + "\"variables\":{\"cancellationReason\":{\"value\":\"OTHER\",\"local\":false}}}]}";
        refusedAndUnchanged(
                () -> api(globalAdmin)
                        .post("/engine-rest/process-instance/" + takeover.getId() + "/modification", cancel),
                400,
                "'Cancel subscription' acts only on a decision just made");
        assertThat(fixtures.holders(selfService)).containsExactly(colleague.id());
    }

    @Test
    void theStarterIsWhoeverLoggedInWhateverTheVariablesSay() {
        long selfService = fixtures.selfService(
                product, colleague.id(), 3, LocalDate.now(clock).minusDays(30), 7);
        WebappSession billing = tasklist(billingAdmin);
        refusedAndUnchanged(
                () -> billing.engine(
                        "POST",
                        "/process-definition/key/subscription-takeover/submit-form",
                        "{\"variables\":{\"takeoverStartedBy\":{\"value\":\"" + globalAdmin.id() + "\"}}}"),
                400,
                "The form has no field 'takeoverStartedBy'");
        refusedAndUnchanged(
                () -> api(globalAdmin)
                        .post(
                                "/engine-rest/process-definition/key/subscription-takeover/start",
                                "{\"variables\":{\"subscriptionId\":{\"value\":" + selfService
                                        + "},\"takeoverAdminId\":{\"value\":\"" + billingAdmin.id() + "\"}}}"),
                400,
                "in your own name");

        // Started through the form and its first task, the takeover is in the name of the one who started it.
        Api.Response started = billing.engine(
                "POST", "/process-definition/key/subscription-takeover/submit-form", "{\"variables\":{}}");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        Task choose = driver.task(started.json().path("id").asText(), "Activity_ChooseSubscription");
        assertThat(choose.getAssignee()).isEqualTo(billingAdmin.id());
        Api.Response chosen = billing.engine(
                "POST",
                "/task/" + choose.getId() + "/submit-form",
                "{\"variables\":{\"subscriptionId\":{\"value\":\"" + selfService + "\"}}}");
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(204);
        assertThat(jdbc.sql("select actor from audit_log where subscription_id = ? and action = 'TAKEOVER_STARTED'")
                        .param(selfService)
                        .query(String.class)
                        .single())
                .isEqualTo(billingAdmin.id());
    }

    @Test
    void aRewrittenRequestIdDoesNotRedirectTheDecision() {
        ProcessInstance other = requestBy(fixtures.member());
        String otherRequest = (String) runtime.getVariable(other.getId(), "licenseRequestId");
        // A Global administrator may change variables in Cockpit; the review still decides its own request.
        Api.Response rewritten = api(globalAdmin)
                .put(
                        "/engine-rest/process-instance/" + request.getId() + "/variables/licenseRequestId",
                        "{\"value\":\"" + otherRequest + "\",\"type\":\"String\"}");
        assertThat(rewritten.status()).as(rewritten.body()).isEqualTo(204);

        Task review = driver.task(request.getId(), REVIEW);
        String shown = driver.shownInForm(globalAdmin.id(), request.getId(), REVIEW, "reviewSummary");
        assertThat(shown).contains(employee.displayName());
        WebappSession approver = tasklist(globalAdmin);
        assertThat(approver.engine(
                                "POST",
                                "/task/" + review.getId() + "/claim",
                                "{\"userId\":\"" + globalAdmin.id() + "\"}")
                        .status())
                .isEqualTo(204);
        Api.Response decided = approver.engine(
                "POST",
                "/task/" + review.getId() + "/submit-form",
                "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(204);

        BpmnAwareTests.assertThat(request).isWaitingAt("Activity_NotifyRequestOutcome");
        assertThat(requests.findByProcessInstance(request.getId()).orElseThrow().status())
                .isEqualTo(LicenseRequestStatus.APPROVED);
        assertThat(requests.require(otherRequest).status())
                .as("the request the variable pointed at")
                .isEqualTo(LicenseRequestStatus.PENDING);
        assertThat(jdbc.sql("select decided_by from process_decision where process_instance_id = ? and activity_id = ?")
                        .params(request.getId(), REVIEW)
                        .query(String.class)
                        .single())
                .isEqualTo(globalAdmin.id());
    }

    @Test
    void theEngineItselfRefusesQueryExpressionsAndHidesTheApplication() {
        String before = state.snapshot();
        assertThatThrownBy(() -> engine.getTaskService()
                        .createTaskQuery()
                        .or()
                        .taskAssigneeExpression("${jdbcTemplate.update(\"update subscription set quantity = 999\")}")
                        .endOr()
                        .list())
                .isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("Expressions are not accepted");
        String myTasks = engine.getFilterService()
                .createFilterQuery()
                .filterName("My tasks")
                .singleResult()
                .getId();
        assertThatThrownBy(() -> engine.getFilterService()
                        .list(
                                myTasks,
                                engine.getTaskService()
                                        .createTaskQuery()
                                        .or()
                                        .taskCandidateUserExpression("${processDecisions}")
                                        .endOr()))
                .isInstanceOf(BadUserRequestException.class);
        assertThatThrownBy(() -> engine.getFilterService()
                        .saveFilter(engine.getFilterService()
                                .newTaskFilter("evil")
                                .setQuery(engine.getTaskService()
                                        .createTaskQuery()
                                        .taskAssigneeExpression("${'x'.getClass()}"))))
                .isInstanceOf(BadUserRequestException.class);
        assertThat(state.snapshot()).isEqualTo(before);
        assertThat(driver.as(employee.id(), () -> engine.getFilterService().count(myTasks)))
                .as("our own filter works")
                .isNotNull();

        var expressions =
                ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getExpressionManager();
        assertThatThrownBy(() -> expressions.createExpression("${jdbcTemplate}").getValue(null))
                .hasMessageContaining("jdbcTemplate");
        assertThatThrownBy(
                        () -> expressions.createExpression("${runtimeService}").getValue(null))
                .hasMessageContaining("runtimeService");
        Object bean = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired()
                .execute(context -> expressions
                        .createExpression("${registerLicenseRequest}")
                        .getValue(null));
        assertThat(bean).as("a @ProcessBean").isNotNull();
    }
}
