package com.licenseflow.inventory.web;

import com.licenseflow.inventory.assignment.LicenseAssignment;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** A license held (unassignedAt absent) or removed, with until when the mailbox data is kept (A8). */
record AssignmentJson(
        long id,
        String userId,
        String productId,
        long subscriptionId,
        Set<String> disabledServicePlans,
        Instant assignedAt,
        String assignedBy,
        Instant unassignedAt,
        String unassignedBy,
        LocalDate mailboxDataKeptUntil,
        LocalDate endsOn,
        String mailboxData,
        String inMicrosoft365) {

    public static AssignmentJson of(LicenseAssignment a, LocalDate today) {
        return new AssignmentJson(
                a.id(),
                a.userId(),
                a.productId(),
                a.subscriptionId(),
                a.disabledPlans(),
                a.assignedAt(),
                a.assignedBy(),
                a.unassignedAt(),
                a.unassignedBy(),
                a.dataRetainedUntil(),
                a.endsOn(),
                a.mailboxData(today),
                a.inMicrosoft365());
    }
}
