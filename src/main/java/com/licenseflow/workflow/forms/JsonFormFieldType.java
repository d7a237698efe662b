package com.licenseflow.workflow.forms;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.form.type.AbstractFormFieldType;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.type.SpinValueType;

/**
 * A {@code camunda:formField} whose value is JSON, such as the options of a checklist or the users
 * ticked in it. Its {@code defaultValue} expression is evaluated when Tasklist opens the form, so
 * the form shows the inventory as it is at that moment, and nothing needs storing beforehand.
 *
 * <p>Two kinds: {@code json} values are kept as process variables once the form is submitted (a
 * decision such as the approved users); {@code shown} values only inform the person filling in the
 * form (options, a summary) and are never stored: they are transient.
 */
class JsonFormFieldType extends AbstractFormFieldType {

    public static final String JSON = "json";
    public static final String SHOWN = "shown";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String name;
    private final boolean transientValue;

    private JsonFormFieldType(String name, boolean transientValue) {
        this.name = name;
        this.transientValue = transientValue;
    }

    public static JsonFormFieldType kept() {
        return new JsonFormFieldType(JSON, false);
    }

    public static JsonFormFieldType shown() {
        return new JsonFormFieldType(SHOWN, true);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public TypedValue convertToModelValue(TypedValue value) {
        if (value == null || value.getValue() == null && !(value instanceof SerializableValue)) {
            return value;
        }
        if (!transientValue && SpinValueType.JSON.equals(value.getType())) {
            // Submitted as JSON already (Tasklist sends checklists so): kept as it came.
            return value;
        }
        return SpinValues.jsonValue(json(value)).setTransient(transientValue).create();
    }

    @Override
    public TypedValue convertToFormValue(TypedValue value) {
        return value;
    }

    @Override
    public Object convertFormValueToModelValue(Object value) {
        return value;
    }

    @Override
    public String convertModelValueToFormValue(Object value) {
        return value == null ? null : write(value);
    }

    private static String json(TypedValue value) {
        if (value instanceof SerializableValue serialized && serialized.getValueSerialized() != null) {
            return serialized.getValueSerialized();
        }
        Object plain = value.getValue();
        if (plain instanceof SpinJsonNode node) {
            return node.toString();
        }
        return write(plain);
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A form field value cannot be written as JSON: " + value, e);
        }
    }
}
