package com.licenseflow.domain.request;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** R1: a request for a product for the requester and colleagues, and what was decided. */
public record LicenseRequest(String id, String productId, String productName, String requesterId,
                             String requesterName, String justification, Instant requestedAt,
                             LicenseRequestStatus status, String processInstanceId, String decidedBy, Instant decidedAt,
                             String assignedProductId, Set<String> disabledPlans, String decisionMessage,
                             Instant completedAt, List<RequestedUser> users) {

    public List<String> userIds() {
        return users.stream().map(RequestedUser::userId).toList();
    }

    public boolean isPending() {
        return status == LicenseRequestStatus.PENDING;
    }
}
