package com.licenseflow.takeover;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.GLOBAL_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.FormFiles;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import com.licenseflow.takeover.process.TakeoverVariables;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The forms of subscription-takeover.bpmn: valid Camunda Forms whose field keys are the variables
 * the process reads, each found by the engine in the deployment through its formRef.
 */
@IntegrationTest
class TakeoverFormsTest {

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

    @Test
    void everyFormIsACamundaFormWhoseKeysAreProcessVariables() throws IOException {
        Map<String, Set<String>> readByProcess = Map.of(
                "take-over-subscription", Set.of(),
                "choose-subscription-to-take-over", Set.of("subscriptionId"),
                "choose-takeover-action", Set.of("takeoverAction"),
                "select-target-subscription", Set.of("targetSubscriptionId"),
                "resolve-takeover-seat-shortage", Set.of("shortageResolution", "targetSubscriptionId", "seatsToAdd"),
                "confirm-cancellation", Set.of("cancellationDecision", "cancellationReason", "cancellationConfirmed"));
        FormFiles.assertKeysAreProcessVariables(readByProcess, TakeoverVariables.class);
    }

    @Test
    void theCancellationReasonsAreTheDomainsFixedList() throws IOException {
        JsonNode form = FormFiles.read("confirm-cancellation");
        List<String> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        form.path("components").forEach(c -> {
            if ("cancellationReason".equals(c.path("key").asText())) {
                c.path("values").forEach(v -> {
                    values.add(v.path("value").asText());
                    labels.add(v.path("label").asText());
                });
            }
        });
        assertThat(values)
                .containsExactlyElementsOf(Arrays.stream(CancellationReason.values())
                        .map(Enum::name)
                        .toList());
        assertThat(labels)
                .containsExactlyElementsOf(Arrays.stream(CancellationReason.values())
                        .map(CancellationReason::label)
                        .toList());
    }

    @Test
    void theEngineResolvesEachFormFromTheDeployment() throws IOException {
        ProcessDefinition definition = repository
                .createProcessDefinitionQuery()
                .processDefinitionKey("subscription-takeover")
                .latestVersion()
                .singleResult();
        assertThat(FormFiles.idOf(forms.getDeployedStartForm(definition.getId())))
                .isEqualTo("take-over-subscription");
        CamundaFormRef startRef = forms.getStartFormData(definition.getId()).getCamundaFormRef();
        assertThat(startRef.getKey()).isEqualTo("take-over-subscription");
        assertThat(startRef.getBinding()).isEqualTo("deployment");

        Product product = fixtures.product();
        DirectoryUser purchaser = fixtures.member();
        DirectoryUser admin = fixtures.admin(BILLING_ADMIN);
        long small = fixtures.central(product, 0);
        long moving = fixtures.selfService(
                product, purchaser.id(), 2, LocalDate.now(clock).minusDays(30), 7);
        fixtures.license(moving, List.of(purchaser.id()));
        ProcessInstance move = driver.as(
                admin.id(),
                () -> runtime.startProcessInstanceByKey("subscription-takeover", Map.of("subscriptionId", moving)));
        assertFormOf(move, "Activity_ChooseTakeoverAction", "choose-takeover-action");
        driver.complete(
                admin.id(),
                driver.task(move.getId(), "Activity_ChooseTakeoverAction"),
                Map.of("takeoverAction", "move"));
        assertFormOf(move, "Activity_SelectTargetSubscription", "select-target-subscription");
        driver.complete(
                admin.id(),
                driver.task(move.getId(), "Activity_SelectTargetSubscription"),
                Map.of("targetSubscriptionId", String.valueOf(small)));
        assertFormOf(move, "Activity_ResolveTakeoverSeatShortage", "resolve-takeover-seat-shortage");

        long cancelling = fixtures.selfService(
                product, purchaser.id(), 2, LocalDate.now(clock).minusDays(30), 7);
        ProcessInstance cancel = driver.as(
                admin.id(),
                () -> runtime.startProcessInstanceByKey("subscription-takeover", Map.of("subscriptionId", cancelling)));
        driver.complete(
                admin.id(),
                driver.task(cancel.getId(), "Activity_ChooseTakeoverAction"),
                Map.of("takeoverAction", "cancel"));
        assertFormOf(cancel, "Activity_ConfirmCancellation", "confirm-cancellation");
    }

    @Test
    void tasklistOffersTheStartFormToGlobalAndBillingAdminsOnly() {
        assertThat(driver.startableInTasklist(fixtures.admin(BILLING_ADMIN).id()))
                .contains("subscription-takeover");
        assertThat(driver.startableInTasklist(fixtures.admin(GLOBAL_ADMIN).id()))
                .contains("subscription-takeover");
        assertThat(driver.startableInTasklist(fixtures.admin(LICENSE_ADMIN).id()))
                .doesNotContain("subscription-takeover")
                .contains("license-request");
        assertThat(driver.startableInTasklist(fixtures.member().id())).doesNotContain("subscription-takeover");
    }

    private void assertFormOf(ProcessInstance pi, String activity, String formId) throws IOException {
        assertThat(FormFiles.idOf(forms.getDeployedTaskForm(
                        driver.task(pi.getId(), activity).getId())))
                .isEqualTo(formId);
    }
}
