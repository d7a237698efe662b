package com.licenseflow.centralization;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.GLOBAL_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.centralization.process.CentralizationVariables;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.FormFiles;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The forms of license-centralization.bpmn: valid Camunda Forms whose field keys are the variables
 * the process reads, each found by the engine in the deployment through its formRef.
 */
@IntegrationTest
class CentralizationFormsTest {

    @Autowired
    FormService forms;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessDriver driver;

    @Autowired
    Clock clock;

    @AfterEach
    void tearDown() {
        driver.resetClock();
    }

    @Test
    void everyFormIsACamundaFormWhoseKeysAreProcessVariables() throws IOException {
        Map<String, Set<String>> readByProcess = Map.of(
                "start-centralization", Set.of("product"),
                "plan-centralization", Set.of("planDecision", "centralSubscriptionId", "seatsToBuy"),
                "purchaser-did-not-cancel", Set.of("deadlineDecision", "extendByDays"));
        FormFiles.assertKeysAreProcessVariables(readByProcess, CentralizationVariables.class);
        assertThat(FormFiles.read("plan-centralization").toString())
                .contains("{{planSummary}}", "{{seatSummary}}", "{{savingsSummary}}");
        assertThat(FormFiles.read("purchaser-did-not-cancel").toString()).contains("{{purchaseSummary}}");
    }

    @Test
    void theEngineResolvesEachFormFromTheDeployment() throws IOException {
        ProcessDefinition definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("license-centralization")
                .latestVersion()
                .singleResult();
        assertThat(FormFiles.idOf(forms.getDeployedStartForm(definition.getId())))
                .isEqualTo("start-centralization");
        CamundaFormRef startRef = forms.getStartFormData(definition.getId()).getCamundaFormRef();
        assertThat(startRef.getKey()).isEqualTo("start-centralization");
        assertThat(startRef.getBinding()).isEqualTo("deployment");

        Product product = fixtures.product(SelfServicePolicy.ENABLED, 2);
        DirectoryUser purchaser = fixtures.member();
        DirectoryUser admin = fixtures.admin(BILLING_ADMIN);
        long central = fixtures.central(product, 5);
        long bought = fixtures.selfService(
                product, purchaser.id(), 2, LocalDate.now(clock).minusDays(2), 7);
        fixtures.license(bought, List.of(purchaser.id()));
        ProcessInstance pi = driver.as(
                admin.id(),
                () -> runtime.startProcessInstanceByKey("license-centralization", Map.of("product", product.id())));
        assertFormOf(pi, "Activity_PlanCentralization", "plan-centralization");
        String plan = driver.task(pi.getId(), "Activity_PlanCentralization").getId();
        Map<String, Object> opened = driver.as(admin.id(), () -> forms.getTaskFormVariables(plan));
        assertThat(opened.get("seatsToBuy")).as("prefilled when the form opens").isEqualTo(1L);
        assertThat(opened.get("centralSubscriptionId")).isEqualTo(String.valueOf(central));
        assertThat(runtime.getVariables(pi.getId()))
                .as("nothing stored for the form")
                .doesNotContainKeys("planSummary", "seatSummary", "savingsSummary", "centralSubscriptionOptions");
        driver.complete(
                admin.id(),
                driver.task(pi.getId(), "Activity_PlanCentralization"),
                Map.of("planDecision", "useExistingSeats", "centralSubscriptionId", String.valueOf(central)));
        driver.runDueJobs(pi.getId());
        driver.advance(Duration.ofDays(31));
        driver.runDueJobs(pi.getId());
        assertFormOf(pi, "Activity_PurchaserDidNotCancel", "purchaser-did-not-cancel");
    }

    @Test
    void tasklistOffersTheStartFormToGlobalAndBillingAdminsOnly() {
        assertThat(driver.startableInTasklist(fixtures.admin(BILLING_ADMIN).id()))
                .contains("license-centralization");
        assertThat(driver.startableInTasklist(fixtures.admin(GLOBAL_ADMIN).id()))
                .contains("license-centralization");
        assertThat(driver.startableInTasklist(fixtures.admin(LICENSE_ADMIN).id()))
                .doesNotContain("license-centralization");
        assertThat(driver.startableInTasklist(fixtures.member().id())).doesNotContain("license-centralization");
    }

    private void assertFormOf(ProcessInstance pi, String activity, String formId) throws IOException {
        assertThat(FormFiles.idOf(forms.getDeployedTaskForm(
                        driver.task(pi.getId(), activity).getId())))
                .isEqualTo(formId);
    }
}
