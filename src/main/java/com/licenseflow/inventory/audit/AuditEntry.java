package com.licenseflow.inventory.audit;

import java.time.Instant;

public record AuditEntry(
        long id,
        Instant occurredAt,
        String actor,
        AuditAction action,
        String userId,
        String productId,
        Long subscriptionId,
        String details,
        String reason,
        String processInstanceId) {}
