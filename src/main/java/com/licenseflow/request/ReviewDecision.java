package com.licenseflow.request;

import java.util.List;
import java.util.Set;

/**
 * What the reviewer chose: approve (for {@code approvedUserIds}, R6; null means every user of the
 * request) from {@code productId} (R7) with
 * only {@code enabledPlans} switched on (R8; null means all of them), or deny the whole request with a confirmation (R5);
 * an optional message either way (R9).
 */
public record ReviewDecision(
        boolean approve,
        List<String> approvedUserIds,
        String productId,
        Set<String> enabledPlans,
        String message,
        boolean denyConfirmed) {

    public ReviewDecision {
        approvedUserIds = approvedUserIds == null ? null : List.copyOf(approvedUserIds);
        enabledPlans = enabledPlans == null ? null : Set.copyOf(enabledPlans);
        message = message == null || message.isBlank() ? null : message.trim();
    }
}
