package com.licenseflow.request.process;

import com.licenseflow.request.LicenseRequestSettings;
import com.licenseflow.request.TenantSettingsService;
import com.licenseflow.workflow.ProcessBean;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The timers of license-request.bpmn, read when a review task starts waiting: approvers are
 * reminded every {@code licenseflow.license-requests.reminder-after} (default 3 days), and an
 * undecided request expires after the tenant's retention period.
 */
@Component("licenseRequestTimers")
@ProcessBean
public class LicenseRequestTimers {

    private final Duration reminderAfter;
    private final TenantSettingsService settings;

    public LicenseRequestTimers(LicenseRequestSettings config, TenantSettingsService settings) {
        this.reminderAfter = config.reminderAfter();
        this.settings = settings;
    }

    /** ISO 8601 repeating interval for the reminder timer. */
    public String getReminderCycle() {
        return "R/" + reminderAfter;
    }

    /** ISO 8601 duration for the expiry timer. */
    public String getExpiry() {
        return "P" + settings.current().requestRetentionDays() + "D";
    }
}
