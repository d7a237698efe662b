package com.licenseflow.request;

import static com.licenseflow.inventory.access.AdminRole.GLOBAL_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.request.process.RequestVariables;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.FormFiles;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import com.licenseflow.workflow.FormValues;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The forms of license-request.bpmn: valid Camunda Forms, with field keys the process reads, and
 * each one found by the engine in the deployment through its formRef (binding "deployment").
 */
@IntegrationTest
class LicenseRequestFormsTest {

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

    @Test
    void everyFormIsACamundaFormWhoseKeysAreProcessVariables() throws IOException {
        Map<String, Set<String>> readByProcess = Map.of(
                "request-license", Set.of("requestedProduct", "requestedColleagues", "justification", "licenseEndsOn"),
                "approve-license-request", Set.of("stageDecision", "stageMessage", "stageDenyConfirmed"),
                "review-license-request",
                        Set.of(
                                "decision",
                                "approvedUserIds",
                                "assignedProductId",
                                "enabledServicePlans",
                                "decisionMessage",
                                "denyConfirmed"),
                "resolve-seat-shortage",
                        Set.of(
                                "shortageResolution",
                                "seatSubscriptionId",
                                "seatsToAdd",
                                "targetSubscriptionId",
                                "keptUserIds"),
                "resolve-refused-licenses", Set.of("refusalResolution"));
        FormFiles.assertKeysAreProcessVariables(readByProcess, RequestVariables.class);
    }

    @Test
    void theEngineResolvesEachFormFromTheDeployment() throws IOException {
        ProcessDefinition definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("license-request")
                .latestVersion()
                .singleResult();
        assertThat(FormFiles.idOf(forms.getDeployedStartForm(definition.getId())))
                .isEqualTo("request-license");
        CamundaFormRef startRef = forms.getStartFormData(definition.getId()).getCamundaFormRef();
        assertThat(startRef.getKey()).isEqualTo("request-license");
        assertThat(startRef.getBinding()).isEqualTo("deployment");

        Product product = fixtures.product();
        long none = fixtures.central(product, 1);
        DirectoryUser requester = fixtures.member();
        DirectoryUser colleague = fixtures.member();
        DirectoryUser admin = fixtures.admin(GLOBAL_ADMIN);
        ProcessInstance pi = driver.as(
                requester.id(),
                () -> runtime.startProcessInstanceByKey(
                        "license-request",
                        Map.of(
                                "requestedProduct",
                                product.id(),
                                "requestedColleagues",
                                colleague.id(),
                                "justification",
                                "x")));
        Task review = driver.task(pi.getId(), "Activity_ReviewLicenseRequest");
        assertThat(FormFiles.idOf(forms.getDeployedTaskForm(review.getId()))).isEqualTo("review-license-request");

        driver.complete(
                admin.id(),
                review,
                Map.of(
                        "decision",
                        "approve",
                        "approvedUserIds",
                        List.of(requester.id(), colleague.id()),
                        "assignedProductId",
                        product.id()));
        Task shortage = driver.task(pi.getId(), "Activity_ResolveSeatShortage");
        assertThat(fixtures.holders(none)).isEmpty();
        assertThat(FormFiles.idOf(forms.getDeployedTaskForm(shortage.getId()))).isEqualTo("resolve-seat-shortage");
    }

    @Test
    void theReviewFormShowsTheInventoryAsItIsWhenOpenedAndStoresOnlyTheDecision() {
        Product product = fixtures.product();
        long subscription = fixtures.central(product, 3);
        DirectoryUser requester = fixtures.member();
        DirectoryUser colleague = fixtures.member();
        DirectoryUser admin = fixtures.admin(GLOBAL_ADMIN);
        ProcessInstance pi = driver.as(
                requester.id(),
                () -> runtime.startProcessInstanceByKey(
                        "license-request",
                        Map.of("requestedProduct", product.name(), "requestedColleagues", colleague.email())));
        Task review = driver.task(pi.getId(), "Activity_ReviewLicenseRequest");

        VariableMap opened = driver.as(admin.id(), () -> forms.getTaskFormVariables(review.getId()));
        assertThat(ProcessDriver.asRead(opened.get("reviewSummary"))).contains(requester.displayName(), product.name());
        assertThat(FormValues.strings(opened.get("approvedUserIds")))
                .as("everyone ticked")
                .containsExactly(requester.id(), colleague.id());
        assertThat(FormValues.strings(opened.get("enabledServicePlans")))
                .as("all services on")
                .containsExactlyInAnyOrderElementsOf(product.planIds());
        assertThat(opened.get("assignedProductId")).isEqualTo(product.id());
        assertThat(opened.get("productOptions").toString()).contains(product.name() + " - 3 seats available");
        assertThat(runtime.getVariables(pi.getId()))
                .as("nothing stored for the form")
                .doesNotContainKeys(
                        "reviewSummary",
                        "requestedUserOptions",
                        "productOptions",
                        "servicePlanOptions",
                        "approvedUserIds",
                        "enabledServicePlans");

        fixtures.central(product, 2);
        assertThat(driver.as(admin.id(), () -> forms.getTaskFormVariables(review.getId()))
                        .get("productOptions")
                        .toString())
                .as("seats as they are now")
                .contains(product.name() + " - 5 seats available");

        // Submitted as Tasklist does: the form's values, through the form service.
        driver.as(
                admin.id(),
                () -> forms.submitTaskForm(
                        review.getId(),
                        Variables.createVariables()
                                .putValue("decision", "approve")
                                .putValueTyped("approvedUserIds", FormValues.json(List.of(colleague.id())))
                                .putValue("assignedProductId", product.id())));

        assertThat(fixtures.holders(subscription)).containsExactly(colleague.id());
        Set<String> stored = runtime.createVariableInstanceQuery().processInstanceIdIn(pi.getId()).list().stream()
                .map(VariableInstance::getName)
                .collect(Collectors.toSet());
        assertThat(stored)
                .contains("decision", "approvedUserIds", "assignedProductId")
                .doesNotContain("reviewSummary", "requestedUserOptions", "productOptions", "servicePlanOptions");
    }
}
