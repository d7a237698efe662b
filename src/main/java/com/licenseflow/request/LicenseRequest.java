package com.licenseflow.request;

import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.shared.Rule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** R1: a request for a product for the requester and colleagues, and what was decided. */
public record LicenseRequest(
        String id,
        String productId,
        String productName,
        String requesterId,
        String requesterName,
        String justification,
        Instant requestedAt,
        LicenseRequestStatus status,
        String processInstanceId,
        String decidedBy,
        Instant decidedAt,
        String assignedProductId,
        String assignedProductName,
        Set<String> disabledPlans,
        String decisionMessage,
        Instant completedAt,
        List<RequestedUser> users,
        LocalDate endsOn) {

    public List<String> userIds() {
        return users.stream().map(RequestedUser::userId).toList();
    }

    public boolean isPending() {
        return status == LicenseRequestStatus.PENDING;
    }

    /** Refuses a request that was decided (or expired) already. */
    void requirePending() {
        if (!isPending()) {
            throw Rule.REQUEST_NOT_PENDING.violation(
                    "License request " + id + " is already " + status + "; it cannot be decided again.");
        }
    }

    LicenseRequest withUnmodifiableUsers() {
        return new LicenseRequest(
                id,
                productId,
                productName,
                requesterId,
                requesterName,
                justification,
                requestedAt,
                status,
                processInstanceId,
                decidedBy,
                decidedAt,
                assignedProductId,
                assignedProductName,
                disabledPlans,
                decisionMessage,
                completedAt,
                List.copyOf(users),
                endsOn);
    }

    /** This request with some users' outcome changed after its decision. */
    LicenseRequest withOutcomes(LicenseRequestStatus newStatus, Map<String, UserOutcome> outcomes) {
        List<RequestedUser> decided = users.stream()
                .map(u -> new RequestedUser(u.userId(), u.displayName(), u.email(), outcomes.get(u.userId())))
                .toList();
        return new LicenseRequest(
                id,
                productId,
                productName,
                requesterId,
                requesterName,
                justification,
                requestedAt,
                newStatus,
                processInstanceId,
                decidedBy,
                decidedAt,
                assignedProductId,
                assignedProductName,
                disabledPlans,
                decisionMessage,
                completedAt,
                decided,
                endsOn);
    }

    /** This request as the decision just written leaves it. */
    LicenseRequest completed(
            LicenseRequestStatus newStatus,
            String decider,
            Instant at,
            Product assigned,
            Set<String> disabled,
            String message,
            Map<String, UserOutcome> outcomes) {
        List<RequestedUser> decided = users.stream()
                .map(u -> new RequestedUser(u.userId(), u.displayName(), u.email(), outcomes.get(u.userId())))
                .toList();
        return new LicenseRequest(
                id,
                productId,
                productName,
                requesterId,
                requesterName,
                justification,
                requestedAt,
                newStatus,
                processInstanceId,
                decider,
                decider == null ? null : at,
                assigned == null ? null : assigned.id(),
                assigned == null ? null : assigned.name(),
                Set.copyOf(disabled),
                message,
                at,
                decided,
                endsOn);
    }
}
