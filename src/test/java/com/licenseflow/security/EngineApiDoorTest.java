package com.licenseflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licenseflow.support.Api;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.WebappSession;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/**
 * The engine's APIs are no side door: what an employee with a Tasklist login, a License
 * administrator with Cockpit, or a caller without a login can do to the engine through
 * {@code /engine-rest} and the webapps' own {@code /camunda/api/engine} - every attack refused with
 * a 4xx that says why, and nothing changed.
 */
@IntegrationTest
class EngineApiDoorTest extends AttackTest {

    /** Would rewrite every subscription's seat count if any expression reached the application. */
    private static final String CODE = "${jdbcTemplate.update(\\\"update subscription set quantity = 999\\\")}";

    private static final String OR_QUERY = "{\"orQueries\":[{\"assigneeExpression\":\"" + CODE + "\"}]}";

    @Test
    void anEmployeeCannotRunCodeThroughTheOrQueriesOfATaskQuery() {
        refusedAndUnchanged(
                () -> api(employee).post("/engine-rest/task", OR_QUERY), 403, "may not use the engine REST API");
        refusedAndUnchanged(
                () -> api(globalAdmin).post("/engine-rest/task", OR_QUERY), 400, "Expressions are not accepted");
        refusedAndUnchanged(
                () -> api(globalAdmin).get("/engine-rest/task?assigneeExpression=%24%7BjdbcTemplate%7D"),
                400,
                "Expressions are not accepted");
        WebappSession tasklist = tasklist(employee);
        refusedAndUnchanged(() -> tasklist.engine("POST", "/task", OR_QUERY), 400, "Expressions are not accepted");
        String myTasks = filter("My tasks").getId();
        refusedAndUnchanged(
                () -> tasklist.engine("POST", "/filter/" + myTasks + "/list", OR_QUERY),
                400,
                "Expressions are not accepted");
        refusedAndUnchanged(
                () -> tasklist.engine(
                        "POST",
                        "/filter/" + myTasks + "/count",
                        "{\"orQueries\":[{\"candidateGroupsExpression\":\"${currentUserGroups()}\"}]}"),
                400,
                "Expressions are not accepted");
        assertThat(tasklist.engine("POST", "/filter/" + myTasks + "/list", "{}").status())
                .as("the filter itself still works")
                .isEqualTo(200);
    }

    @Test
    void anEmployeeCannotStartTheirRequestAtTheApprovalStep() {
        String forged = "{\"variables\":{\"licenseRequestId\":{\"value\":\"" + requestId() + "\"},"
                + "\"reviewerId\":{\"value\":\"" + globalAdmin.id() + "\"},\"decision\":{\"value\":\"approve\"}},"
                + "\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Activity_AssignLicenses\"}]}";
        refusedAndUnchanged(
                () -> api(employee).post("/engine-rest/process-definition/key/license-request/start", forged),
                403,
                "may not use the engine REST API");
        WebappSession tasklist = tasklist(employee);
        refusedAndUnchanged(
                () -> tasklist.engine("POST", "/process-definition/key/license-request/start", forged),
                403,
                "Tasklist needs no such call");
        // The start form's own door takes the form's fields and nothing else.
        refusedAndUnchanged(
                () -> tasklist.engine(
                        "POST",
                        "/process-definition/key/license-request/submit-form",
                        "{\"variables\":{\"requestedProduct\":{\"value\":\"" + product.id()
                                + "\"},\"reviewerId\":{\"value\":\"" + globalAdmin.id() + "\"}}}"),
                400,
                "The form has no field 'reviewerId'");
    }

    @Test
    void aLicenseAdminCannotModifyAnInstanceInCockpit() {
        String modification = "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":"
                + "\"Activity_AssignLicenses\",\"variables\":{\"reviewerId\":{\"value\":\"" + globalAdmin.id()
                + "\",\"local\":false},\"decision\":{\"value\":\"approve\",\"local\":false}}}]}";
        refusedAndUnchanged(
                () -> cockpit(licenseAdmin)
                        .engine("POST", "/process-instance/" + request.getId() + "/modification", modification),
                403,
                "Only a Global administrator may change running work");
        refusedAndUnchanged(
                () -> api(licenseAdmin)
                        .post("/engine-rest/process-instance/" + request.getId() + "/modification", modification),
                403,
                "may not use the engine REST API");
    }

    @Test
    void aLicenseAdminCannotRewriteTheVariablesUnderAReview() {
        ProcessInstanceOfOther other = new ProcessInstanceOfOther();
        String body = "{\"value\":\"" + other.requestId + "\",\"type\":\"String\"}";
        refusedAndUnchanged(
                () -> cockpit(licenseAdmin)
                        .engine("PUT", "/process-instance/" + request.getId() + "/variables/licenseRequestId", body),
                403,
                "Only a Global administrator");
        refusedAndUnchanged(
                () -> cockpit(licenseAdmin)
                        .engine(
                                "POST",
                                "/process-instance/" + request.getId() + "/variables",
                                "{\"modifications\":{\"licenseRequestId\":" + body + "}}"),
                403,
                "Only a Global administrator");
        refusedAndUnchanged(
                () -> api(licenseAdmin)
                        .put("/engine-rest/process-instance/" + request.getId() + "/variables/licenseRequestId", body),
                403,
                "may not use the engine REST API");
    }

    @Test
    void aLicenseAdminCannotExecuteTheRetentionTimerEarly() {
        Job expiry =
                engine
                        .getManagementService()
                        .createJobQuery()
                        .processInstanceId(request.getId())
                        .timers()
                        .list()
                        .stream()
                        .max((a, b) -> a.getDuedate().compareTo(b.getDuedate()))
                        .orElseThrow();
        refusedAndUnchanged(
                () -> cockpit(licenseAdmin).engine("POST", "/job/" + expiry.getId() + "/execute", null),
                403,
                "Only a Global administrator");
        refusedAndUnchanged(
                () -> cockpit(licenseAdmin)
                        .engine(
                                "PUT",
                                "/job/" + expiry.getId() + "/duedate",
                                "{\"duedate\":\"2020-01-01T00:00:00.000+0000\"}"),
                403,
                "Only a Global administrator");
        refusedAndUnchanged(
                () -> api(licenseAdmin).post("/engine-rest/job/" + expiry.getId() + "/execute", null),
                403,
                "may not use the engine REST API");
    }

    @Test
    void aLicenseAdminCannotLetEmployeesSeeAReview() {
        Task review = driver.task(request.getId(), REVIEW);
        refusedAndUnchanged(
                () -> cockpit(licenseAdmin)
                        .engine(
                                "POST",
                                "/task/" + review.getId() + "/identity-links",
                                "{\"groupId\":\"employees\",\"type\":\"candidate\"}"),
                403,
                "Only a Global administrator");
        // Nor through the engine itself: candidates may work on a task, not decide who else may.
        String before = state.snapshot();
        assertThatThrownBy(() -> driver.as(
                        licenseAdmin.id(),
                        () -> engine.getTaskService().addCandidateGroup(review.getId(), "employees")))
                .isInstanceOf(AuthorizationException.class);
        assertThat(state.snapshot()).isEqualTo(before);
    }

    @Test
    void anEmployeeCannotStopTheHistoryCleanup() {
        Job cleanup = engine.getHistoryService().findHistoryCleanupJobs().get(0);
        WebappSession tasklist = tasklist(employee);
        refusedAndUnchanged(
                () -> tasklist.engine("PUT", "/job/" + cleanup.getId() + "/suspended", "{\"suspended\":true}"),
                403,
                "Tasklist needs no such call");
        refusedAndUnchanged(
                () -> tasklist.engine("PUT", "/job/" + cleanup.getId() + "/retries", "{\"retries\":0}"),
                403,
                "Tasklist needs no such call");
        refusedAndUnchanged(
                () -> api(employee).put("/engine-rest/job/" + cleanup.getId() + "/retries", "{\"retries\":0}"),
                403,
                "may not use the engine REST API");
    }

    @Test
    void nobodyCanMakeTheEngineDeserializeATypeOfTheirChoice() {
        String objectVariable = "{\"variables\":{\"x\":{\"type\":\"Object\",\"value\":\"{}\",\"valueInfo\":{"
                + "\"objectTypeName\":\"java.io.File\",\"serializationDataFormat\":\"application/json\"}}}}";
        Api.Response refused = refusedAndUnchanged(
                () -> api(globalAdmin)
                        .post(
                                "/engine-rest/process-instance/" + request.getId() + "/variables",
                                objectVariable.replace("\"variables\"", "\"modifications\"")),
                400,
                "Object variables are not accepted");
        assertThat(refused.body()).doesNotContain(System.getProperty("user.dir"));
        refusedAndUnchanged(
                () -> tasklist(employee)
                        .engine("POST", "/process-definition/key/license-request/submit-form", objectVariable),
                400,
                "Object variables are not accepted");

        // And the engine itself turns only allowed types into objects, whoever stored the value.
        assertThat(engine.getProcessEngineConfiguration().isDeserializationTypeValidationEnabled())
                .isTrue();
        runtime.setVariable(
                request.getId(),
                "smuggled",
                Variables.serializedObjectValue("{\"path\":\"/etc\"}")
                        .objectTypeName("java.io.File")
                        .serializationDataFormat(Variables.SerializationDataFormats.JSON)
                        .create());
        try {
            assertThatThrownBy(() -> runtime.getVariableTyped(request.getId(), "smuggled", true))
                    .rootCause()
                    .hasMessageContaining("not whitelisted for deserialization: [java.io.File]");
        } finally {
            runtime.removeVariable(request.getId(), "smuggled");
        }
    }

    @Test
    void theFirstAdministratorSetupIsClosed() {
        Api anonymous = Api.at(port);
        refusedAndUnchanged(
                () -> anonymous.post(
                        "/camunda/api/admin/setup/default/user/create",
                        "{\"profile\":{\"id\":\"mallory\",\"firstName\":\"M\",\"lastName\":\"M\",\"email\":\"m@x.example\"},"
                                + "\"credentials\":{\"password\":\"mallory-password-1\"}}"),
                403,
                "setup is closed");
        refusedAndUnchanged(() -> anonymous.get("/camunda/app/admin/default/setup/"), 403, "setup is closed");
    }

    @Test
    void everyAnswerTellsTheBrowserNotToGuessItsType() {
        Api anonymous = Api.at(port);
        for (String path : new String[] {
            "/engine-rest/engine",
            "/engine-rest/task",
            "/api/me",
            "/camunda/api/engine/engine/",
            "/camunda/app/tasklist/default/"
        }) {
            assertThat(anonymous.get(path).header("X-Content-Type-Options"))
                    .as(path)
                    .isEqualTo("nosniff");
        }
        assertThat(api(globalAdmin).get("/engine-rest/engine").header("X-Content-Type-Options"))
                .isEqualTo("nosniff");
    }

    private Filter filter(String name) {
        return engine.getFilterService().createFilterQuery().filterName(name).singleResult();
    }

    /** Another employee's request, whose id an attacker might point a variable at. */
    private final class ProcessInstanceOfOther {
        final String requestId;

        ProcessInstanceOfOther() {
            requestId =
                    (String) runtime.getVariable(requestBy(fixtures.member()).getId(), "licenseRequestId");
        }
    }
}
