package com.licenseflow.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.licenseflow.shared.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.type.SpinValueType;

/**
 * Reads and writes process variables the way Camunda Forms in Tasklist exchange them: lists
 * (checklists, option lists) travel as Spin JSON, numbers from selects as strings. The API and the
 * tests pass plain Java values; both are accepted.
 */
public final class FormValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormValues() {}

    /** A JSON variable Tasklist can read, e.g. the options of a checklist ({@code valuesKey}). */
    public static TypedValue json(Object value) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write " + value + " as JSON", e);
        }
    }

    /** One entry of a select's or checklist's options ({@code valuesKey}): what people read, and what is submitted. */
    public static Map<String, String> option(String label, String value) {
        Map<String, String> option = new LinkedHashMap<>();
        option.put("label", label);
        option.put("value", value);
        return option;
    }

    /**
     * A list from a JSON array, a Java collection, or a string separated by commas, semicolons or
     * white space. A JSON variable is read as its text, never turned into a Spin object: a Spin
     * object stays cached in the instance, and Tasklist, opening a form in the same moment, would get
     * it as a Java bean it cannot read ("[object Object] is not valid JSON").
     */
    public static List<String> strings(VariableScope scope, String name) {
        TypedValue typed = scope.getVariableTyped(name, false);
        if (typed instanceof SerializableValue serializable
                && !serializable.isDeserialized()
                && (SpinValueType.JSON.equals(typed.getType())
                        || SerializationDataFormats.JSON.getName().equals(serializable.getSerializationDataFormat()))) {
            return strings(parse(serializable.getValueSerialized()));
        }
        return strings(scope.getVariable(name));
    }

    private static Object parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            Object value = JSON.readValue(json, Object.class);
            return value instanceof String text ? List.of(text) : value;
        } catch (JsonProcessingException notJson) {
            return json;
        }
    }

    /** The same for a value at hand, e.g. one passed to a form's expression. */
    public static List<String> strings(Object value) {
        List<String> values = new ArrayList<>();
        if (value instanceof SpinJsonNode node && node.isArray()) {
            node.elements().forEach(e -> values.add(e.isString() ? e.stringValue() : e.toString()));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(v -> values.add(String.valueOf(v)));
        } else if (value instanceof String text && !text.isBlank()) {
            values.addAll(Arrays.asList(text.trim().split("[,;\\s]+")));
        }
        return values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    public static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    public static boolean bool(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    /**
     * A whole number from a number or a numeric string; null when absent or blank.
     *
     * @param what what the number is, in words, for the refusal ("the seats to buy")
     */
    public static Long optionalLong(VariableScope scope, String name, String what) {
        return optionalLong(scope.getVariable(name), what);
    }

    /** {@link #optionalLong(VariableScope, String, String)} of a value read already. */
    public static Long optionalLong(Object value, String what) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        try {
            // A fraction is refused, never rounded: 1.5 seats is not one seat.
            return new BigDecimal(value.toString().trim()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw Rule.INVALID_INPUT.violation(
                    "'" + value + "' is not a whole number; enter a whole number for " + what + ".");
        }
    }

    public static long requiredLong(VariableScope scope, String name, String what) {
        return requiredLong(scope.getVariable(name), what);
    }

    public static long requiredLong(Object variable, String what) {
        Long value = optionalLong(variable, what);
        if (value == null) {
            throw Rule.INVALID_INPUT.violation("Choose " + what + ".");
        }
        return value;
    }
}
