package com.licenseflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The fields of the Camunda Form behind a submit-form call, read from the deployment the task or
 * process definition belongs to. Only these may be submitted.
 */
class SubmittedForms {

    private static final Pattern TASK = Pattern.compile("^/task/([^/]+)/submit-form$");
    private static final Pattern BY_ID = Pattern.compile("^/process-definition/([^/]+)/submit-form$");
    private static final Pattern BY_KEY =
            Pattern.compile("^/process-definition/key/([^/]+)(?:/tenant-id/([^/]+))?/submit-form$");

    private final IdentityService identity;
    private final FormService forms;
    private final RepositoryService repository;
    private final TaskService tasks;
    private final ObjectMapper json = new ObjectMapper();

    public SubmittedForms(
            IdentityService identity, FormService forms, RepositoryService repository, TaskService tasks) {
        this.identity = identity;
        this.forms = forms;
        this.repository = repository;
        this.tasks = tasks;
    }

    /** The keys of the form's fields, or null when there is no such task or process (the engine answers that). */
    public Set<String> fieldsOf(String rest) {
        Matcher task = TASK.matcher(rest);
        Matcher byId = BY_ID.matcher(rest);
        Matcher byKey = BY_KEY.matcher(rest);
        if (task.matches()) {
            return exists(() -> tasks.createTaskQuery().taskId(task.group(1)).count() > 0)
                    ? read(() -> forms.getDeployedTaskForm(task.group(1)))
                    : null;
        }
        if (byId.matches()) {
            return exists(() -> repository
                                    .createProcessDefinitionQuery()
                                    .processDefinitionId(byId.group(1))
                                    .count()
                            > 0)
                    ? read(() -> forms.getDeployedStartForm(byId.group(1)))
                    : null;
        }
        if (byKey.matches()) {
            return read(() -> {
                ProcessDefinition latest = (byKey.group(2) == null
                                ? repository
                                        .createProcessDefinitionQuery()
                                        .processDefinitionKey(byKey.group(1))
                                        .withoutTenantId()
                                : repository
                                        .createProcessDefinitionQuery()
                                        .processDefinitionKey(byKey.group(1))
                                        .tenantIdIn(byKey.group(2)))
                        .latestVersion()
                        .singleResult();
                return latest == null ? null : forms.getDeployedStartForm(latest.getId());
            });
        }
        return null;
    }

    private boolean exists(Supplier<Boolean> query) {
        return asApplication(query);
    }

    /** A task or process without a deployed form takes no fields at all. */
    private Set<String> read(Supplier<InputStream> form) {
        return asApplication(() -> {
            try (InputStream in = form.get()) {
                Set<String> keys = new HashSet<>();
                if (in != null) {
                    collect(json.readTree(in), keys);
                }
                return keys;
            } catch (IOException | RuntimeException noForm) {
                return Set.of();
            }
        });
    }

    /** Looks as the application: the caller's own rights are checked by the engine afterwards. */
    private <T> T asApplication(Supplier<T> action) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return action.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }

    private static void collect(JsonNode node, Set<String> keys) {
        if (node.isArray()) {
            node.forEach(element -> collect(element, keys));
        } else if (node.isObject()) {
            if (node.path("key").isTextual()) {
                keys.add(node.path("key").asText());
            }
            collect(node.path("components"), keys);
        }
    }
}
