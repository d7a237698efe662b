package com.licenseflow.inventory.web;

import com.licenseflow.inventory.overview.Licensee;
import java.time.Instant;
import java.util.Set;

public record LicenseeJson(
        String userId,
        String displayName,
        String email,
        long subscriptionId,
        Set<String> disabledServicePlans,
        Instant assignedAt) {

    public static LicenseeJson of(Licensee l) {
        return new LicenseeJson(
                l.userId(), l.displayName(), l.email(), l.subscriptionId(), l.disabledPlans(), l.assignedAt());
    }
}
