package com.licenseflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Reads the Camunda Forms in forms/ and the variable names a process declares, for the forms tests. */
public final class FormFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormFiles() {}

    public static JsonNode read(String formId) throws IOException {
        return JSON.readTree(Files.readString(Path.of("forms", formId + ".form")));
    }

    /** The id of a form as the engine hands it out (e.g. FormService#getDeployedTaskForm). */
    public static String idOf(InputStream form) throws IOException {
        try (form) {
            return JSON.readTree(form).path("id").asText();
        }
    }

    /** The values of the {@code static String} constants of a *Variables class: the process's variable names. */
    public static Set<String> declaredVariables(Class<?> variables) {
        Set<String> names = new HashSet<>();
        for (Field field : variables.getFields()) {
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

    /** The values of one property (key, valuesKey) over all components of the form. */
    public static Set<String> componentValues(JsonNode form, String property) {
        Set<String> values = new HashSet<>();
        form.path("components").forEach(c -> {
            if (c.has(property)) {
                values.add(c.path(property).asText());
            }
        });
        return values;
    }

    /**
     * Each form (by id) is a Camunda Form with that id, submits the variables the process reads from
     * it, and every field key and option list it uses is one of the process's variables.
     */
    public static void assertKeysAreProcessVariables(Map<String, Set<String>> readByProcess, Class<?> variablesClass)
            throws IOException {
        Set<String> variables = declaredVariables(variablesClass);
        for (var entry : readByProcess.entrySet()) {
            JsonNode form = read(entry.getKey());
            assertThat(form.path("id").asText()).isEqualTo(entry.getKey());
            assertThat(form.path("components").isArray()).isTrue();
            Set<String> keys = componentValues(form, "key");
            assertThat(keys)
                    .as(entry.getKey() + " submits what the process reads")
                    .containsAll(entry.getValue());
            assertThat(variables)
                    .as(entry.getKey() + " keys are process variables")
                    .containsAll(keys);
            assertThat(variables)
                    .as(entry.getKey() + " option lists are process variables")
                    .containsAll(componentValues(form, "valuesKey"));
        }
    }
}
