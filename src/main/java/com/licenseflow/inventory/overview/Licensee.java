package com.licenseflow.inventory.overview;

import java.time.Instant;
import java.util.Set;

/** A user holding a license of a subscription, as the inventory views list them. */
public record Licensee(
        String userId,
        String displayName,
        String email,
        long subscriptionId,
        Set<String> disabledPlans,
        Instant assignedAt) {}
