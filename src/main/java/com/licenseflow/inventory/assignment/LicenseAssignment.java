package com.licenseflow.inventory.assignment;

import com.licenseflow.shared.Words;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** One user's license of one product, taken from one subscription; still held while unassignedAt is null. */
public record LicenseAssignment(
        long id,
        String userId,
        long subscriptionId,
        String productId,
        Set<String> disabledPlans,
        Instant assignedAt,
        String assignedBy,
        Instant unassignedAt,
        String unassignedBy,
        LocalDate dataRetainedUntil,
        LocalDate endsOn,
        String tenantState) {

    /** A8: the days a user's mailbox data is kept after their license is removed. */
    public static final int MAILBOX_DATA_KEPT_DAYS = 30;

    public boolean isActive() {
        return unassignedAt == null;
    }

    /**
     * Where the license stands in a connected Microsoft 365 tenant, in words: "Pending in Microsoft 365" until Graph
     * confirms its latest change, then "In Microsoft 365"; "Refused by Microsoft 365" (and undone); null without a tenant.
     */
    public String inMicrosoft365() {
        if (tenantState == null) {
            return null;
        }
        return switch (tenantState) {
            case "PENDING" -> "Pending in Microsoft 365";
            case "APPLIED" -> "In Microsoft 365";
            default -> "Refused by Microsoft 365";
        };
    }

    /** A8 in words: kept until the day, then deleted (on that day, as the admin center deletes it); null while held. */
    public String mailboxData(LocalDate today) {
        if (dataRetainedUntil == null) {
            return null;
        }
        return today.isBefore(dataRetainedUntil)
                ? "kept until " + Words.day(dataRetainedUntil)
                : "deleted on " + Words.day(dataRetainedUntil);
    }
}
