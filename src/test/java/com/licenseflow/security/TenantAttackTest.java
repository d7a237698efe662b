package com.licenseflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.WebappSession;
import com.licenseflow.tenant.LicenseChangeRefusals;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * What Microsoft 365's refusals put before the admins cannot be forged or taken over: an employee cannot start
 * "License change refused by Microsoft 365" (its tasks would tell admins a made-up story) nor tell a process that
 * Microsoft 365 answered, nor complete an admin's refusal task; a License administrator watching in Cockpit cannot
 * send the answer either. Each refused in words, nothing changed.
 */
@IntegrationTest
class TenantAttackTest extends AttackTest {

    private static final String ANSWERED =
            "{\"messageName\":\"" + LicenseChangeRefusals.ANSWERED + "\"," + "\"processInstanceId\":\"%s\"}";

    /** Through Tasklist's start-form door the process is not even there for an employee (not theirs to read). */
    @Test
    void anEmployeeCannotStartARefusalTaskForTheAdmins() {
        WebappSession tasklist = tasklist(employee);
        refusedAndUnchanged(
                () -> tasklist.engine("POST", "/process-definition/key/" + LicenseChangeRefusals.KEY + "/start", "{}"),
                403,
                "Tasklist needs no such call");
        refusedAndUnchanged(
                () -> tasklist.engine(
                        "POST",
                        "/process-definition/key/" + LicenseChangeRefusals.KEY + "/submit-form",
                        "{\"variables\":{}}"),
                404,
                "No matching process definition");
        refusedAndUnchanged(
                () -> api(employee)
                        .post("/engine-rest/process-definition/key/" + LicenseChangeRefusals.KEY + "/start", "{}"),
                403,
                "may not use the engine REST API");
    }

    @Test
    void nobodyButTheTenantWriterTellsAProcessThatMicrosoft365Answered() {
        String answered = ANSWERED.formatted(request.getId());
        refusedAndUnchanged(
                () -> tasklist(employee).engine("POST", "/message", answered), 403, "Tasklist needs no such call");
        refusedAndUnchanged(
                () -> api(employee).post("/engine-rest/message", answered), 403, "may not use the engine REST API");
        refusedAndUnchanged(
                () -> cockpit(licenseAdmin).engine("POST", "/message", answered),
                403,
                "Only a Global administrator may change running work");
    }

    @Test
    void anEmployeeCannotResolveAnAdminsRefusalTask() {
        String refusal =
                runtime.startProcessInstanceByKey(LicenseChangeRefusals.KEY).getId();
        Task task = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(refusal)
                .singleResult();
        WebappSession tasklist = tasklist(employee);
        refusedAndUnchanged(
                () -> tasklist.engine(
                        "POST", "/task/" + task.getId() + "/claim", "{\"userId\":\"" + employee.id() + "\"}"),
                403,
                "UPDATE");
        refusedAndUnchanged(
                () -> tasklist.engine(
                        "POST",
                        "/task/" + task.getId() + "/submit-form",
                        "{\"variables\":{\"whatWasDone\":{\"value\":\"nothing\"}}}"),
                403,
                "TASK_WORK");
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .processInstanceId(refusal)
                        .count())
                .isOne();
        runtime.deleteProcessInstance(refusal, "test over");
    }
}
