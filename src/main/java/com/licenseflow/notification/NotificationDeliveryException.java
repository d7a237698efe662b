package com.licenseflow.notification;

import java.util.List;

/**
 * Some messages of a {@link NotificationService#deliver} call were not delivered. Thrown out of a
 * process step it fails the Camunda job, so the job executor retries it and, with the retries
 * used up, Cockpit shows an incident with this message; messages already sent are not sent again.
 */
public class NotificationDeliveryException extends RuntimeException {

    // Camunda keeps the first 4000 characters of a job's exception message.
    private static final int MAX_MESSAGE = 3900;

    private final List<String> failures;

    public NotificationDeliveryException(int total, List<String> failures) {
        super(message(total, failures));
        this.failures = List.copyOf(failures);
    }

    /** One line per message that failed: its key, recipient and what went wrong. */
    public List<String> failures() {
        return failures;
    }

    private static String message(int total, List<String> failures) {
        String text = failures.size() + " of " + total + " notification(s) not delivered: "
                + String.join("; ", failures)
                + ". Messages that were sent stay sent; retry the job (Cockpit: increment retries) once the cause is fixed.";
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "...";
    }
}
