package com.licenseflow.centralization.process;

import com.licenseflow.centralization.CentralizationSettings;
import com.licenseflow.workflow.ProcessBean;
import java.time.Duration;
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

    public CentralizationTimers(CentralizationSettings config) {
        this.reminderEvery = config.reminderEvery();
        this.deadline = config.cancelDeadline();
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
