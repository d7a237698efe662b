package com.licenseflow.workflow.centralization;

import com.licenseflow.workflow.ProcessBean;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The timers of license-centralization.bpmn: each purchaser is reminded every
 * {@code licenseflow.centralization.reminder-every} (default 7 days) while their subscription is
 * live, and has {@code licenseflow.centralization.cancel-deadline} (default 30 days) to cancel it.
 */
@Component("centralizationTimers")
@ProcessBean
public class CentralizationTimers {

    private final Duration reminderEvery;
    private final Duration deadline;

    public CentralizationTimers(@Value("${licenseflow.centralization.reminder-every:P7D}") Duration reminderEvery,
                                @Value("${licenseflow.centralization.cancel-deadline:P30D}") Duration deadline) {
        if (reminderEvery.isNegative() || reminderEvery.isZero() || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("licenseflow.centralization.reminder-every and cancel-deadline must be "
                    + "positive durations (e.g. P7D, P30D)");
        }
        this.reminderEvery = reminderEvery;
        this.deadline = deadline;
    }

    /** ISO 8601 repeating interval for the reminder timer. */
    public String getReminderCycle() {
        return "R/" + reminderEvery;
    }

    /** How long a purchaser has to cancel, from the moment they are asked. */
    public Duration getDeadline() {
        return deadline;
    }
}
