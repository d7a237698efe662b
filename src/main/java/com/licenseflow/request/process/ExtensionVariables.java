package com.licenseflow.request.process;

import static com.licenseflow.request.process.RequestVariables.EXTEND_UNTIL;
import static com.licenseflow.request.process.RequestVariables.EXTENSION_DECISION;
import static com.licenseflow.request.process.RequestVariables.EXTENSION_REASON;

import com.licenseflow.shared.Rule;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The answers of the extension forms of license-end.bpmn. */
final class ExtensionVariables {

    private ExtensionVariables() {}

    /** The day asked for, as the form's date field submits it (ISO, e.g. 2027-06-30). */
    static LocalDate until(String text) {
        if (text == null || text.isBlank()) {
            throw Rule.INVALID_INPUT.violation("Choose the day the licenses should end now.");
        }
        try {
            return LocalDate.parse(text.trim().length() > 10 ? text.trim().substring(0, 10) : text.trim());
        } catch (DateTimeParseException notADate) {
            throw Rule.INVALID_INPUT.violation("'" + text + "' is not a date.");
        }
    }

    /** Forgets an extension's answers, so that the next notice's forms start empty. */
    static void forget(VariableScope scope) {
        scope.removeVariables(List.of(EXTEND_UNTIL, EXTENSION_REASON, EXTENSION_DECISION));
    }
}
