package com.licenseflow.notification;

import java.util.List;

/**
 * Some messages of a {@link NotificationService#deliver} call were not delivered. The mail worker
 * reports it on the email step: retried after a while, and with the retries used up (or at once
 * when a message's outcome is unknown) an incident in Cockpit with this message; messages already
 * sent are never sent again.
 */
class NotificationDeliveryException extends RuntimeException {

    private final List<String> failures;
    private final boolean outcomeUnknown;

    public NotificationDeliveryException(int total, List<String> failures, boolean outcomeUnknown) {
        super(message(total, failures, outcomeUnknown));
        this.failures = List.copyOf(failures);
        this.outcomeUnknown = outcomeUnknown;
    }

    /** One line per message that failed: its key, recipient and what went wrong. */
    public List<String> failures() {
        return failures;
    }

    /**
     * A message may have been delivered by an attempt that was cut off: retrying on its own could
     * send it twice, so it waits for an admin (who may first ask the recipient).
     */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    private static String message(int total, List<String> failures, boolean outcomeUnknown) {
        return failures.size() + " of " + total + (total == 1 ? " email" : " emails") + " not delivered: "
                + String.join("; ", failures) + ". Emails that were sent stay sent; "
                + (outcomeUnknown
                        ? "an email whose sending was cut off may have arrived, so it is sent again only when you retry "
                                + "this step (Cockpit: increment retries)."
                        : "the step is retried by itself, and once its retries are used up you retry it (Cockpit: "
                                + "increment retries) when the cause is fixed.");
    }
}
