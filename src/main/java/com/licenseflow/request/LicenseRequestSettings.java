package com.licenseflow.request;

import com.licenseflow.inventory.access.AdminRole;
import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licenseflow.license-requests.*} (defaults in application.yml).
 *
 * @param reminderAfter how long a request waits for a decision before its approvers are reminded, and
 *                      again after each such wait (ISO 8601 duration)
 * @param approverRoles the admin roles whose holders review license requests (R2)
 * @param purgeCron     R3: when completed requests past their retention are removed (read by the scheduler)
 */
@ConfigurationProperties("licenseflow.license-requests")
public record LicenseRequestSettings(
        Duration reminderAfter, Set<AdminRole> approverRoles, String purgeCron, Duration endNoticeBefore) {

    public LicenseRequestSettings {
        if (reminderAfter == null || reminderAfter.isNegative() || reminderAfter.isZero()) {
            throw new IllegalArgumentException("licenseflow.license-requests.reminder-after must be a positive "
                    + "duration such as P3D, not " + reminderAfter);
        }
        if (approverRoles == null || approverRoles.isEmpty()) {
            throw new IllegalArgumentException("licenseflow.license-requests.approver-roles must name at least one "
                    + "admin role, e.g. GLOBAL_ADMIN");
        }
        approverRoles = Set.copyOf(approverRoles);
        if (endNoticeBefore == null || endNoticeBefore.isNegative() || endNoticeBefore.isZero()) {
            throw new IllegalArgumentException("licenseflow.license-requests.end-notice-before must be a positive "
                    + "duration such as P7D, not " + endNoticeBefore);
        }
    }
}
