package com.licenseflow.workflow;

import static com.licenseflow.domain.access.AdminRole.GLOBAL_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.licenseflow.domain.catalog.Product;
import com.licenseflow.domain.directory.DirectoryUser;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import com.licenseflow.workflow.request.RequestVariables;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The forms of license-request.bpmn: valid Camunda Forms, with field keys the process reads, and
 * each one found by the engine in the deployment through its formRef (binding "deployment").
 */
@IntegrationTest
class LicenseRequestFormsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        Set<String> variables = declaredVariables();
        Map<String, Set<String>> readByProcess = Map.of(
                "request-license", Set.of("requestedProduct", "requestedColleagues", "justification"),
                "review-license-request", Set.of("decision", "approvedUserIds", "assignedProductId",
                        "enabledServicePlans", "decisionMessage", "denyConfirmed"),
                "resolve-seat-shortage", Set.of("shortageResolution", "seatSubscriptionId", "seatsToAdd",
                        "targetSubscriptionId", "keptUserIds"));
        for (var entry : readByProcess.entrySet()) {
            JsonNode form = JSON.readTree(Files.readString(Path.of("forms", entry.getKey() + ".form")));
            assertThat(form.path("id").asText()).isEqualTo(entry.getKey());
            assertThat(form.path("components").isArray()).isTrue();
            Set<String> keys = new HashSet<>();
            Set<String> optionSources = new HashSet<>();
            form.path("components").forEach(c -> {
                if (c.has("key")) {
                    keys.add(c.path("key").asText());
                }
                if (c.has("valuesKey")) {
                    optionSources.add(c.path("valuesKey").asText());
                }
            });
            assertThat(keys).as(entry.getKey() + " submits what the process reads").containsAll(entry.getValue());
            assertThat(variables).as(entry.getKey() + " keys are process variables").containsAll(keys);
            assertThat(variables).as(entry.getKey() + " option lists are process variables").containsAll(optionSources);
        }
    }

    @Test
    void theEngineResolvesEachFormFromTheDeployment() throws IOException {
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey("license-request")
                .latestVersion().singleResult();
        assertThat(idOf(forms.getDeployedStartForm(definition.getId()))).isEqualTo("request-license");
        CamundaFormRef startRef = forms.getStartFormData(definition.getId()).getCamundaFormRef();
        assertThat(startRef.getKey()).isEqualTo("request-license");
        assertThat(startRef.getBinding()).isEqualTo("deployment");

        Product product = fixtures.product();
        long none = fixtures.central(product, 1);
        DirectoryUser requester = fixtures.member();
        DirectoryUser colleague = fixtures.member();
        DirectoryUser admin = fixtures.admin(GLOBAL_ADMIN);
        ProcessInstance pi = driver.as(requester.id(), () -> runtime.startProcessInstanceByKey("license-request",
                Map.of("requestedProduct", product.id(), "requestedColleagues", colleague.id(), "justification", "x")));
        Task review = driver.task(pi.getId(), "Activity_ReviewLicenseRequest");
        assertThat(idOf(forms.getDeployedTaskForm(review.getId()))).isEqualTo("review-license-request");

        driver.complete(admin.id(), review, Map.of("decision", "approve", "approvedUserIds",
                List.of(requester.id(), colleague.id()), "assignedProductId", product.id()));
        Task shortage = driver.task(pi.getId(), "Activity_ResolveSeatShortage");
        assertThat(fixtures.holders(none)).isEmpty();
        assertThat(idOf(forms.getDeployedTaskForm(shortage.getId()))).isEqualTo("resolve-seat-shortage");
    }

    private static String idOf(InputStream form) throws IOException {
        try (form) {
            return JSON.readTree(form).path("id").asText();
        }
    }

    private static Set<String> declaredVariables() {
        Set<String> names = new HashSet<>();
        for (Field field : RequestVariables.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    names.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return names;
    }
}
