package com.licenseflow.inventory.assignment;

import java.util.List;
import java.util.Set;

/**
 * Give {@code userIds} a license of {@code productId} with {@code disabledPlans} switched off (A3, R8).
 * Seats come from {@code subscriptionId} when given, otherwise from the product's central subscriptions.
 */
public record AssignLicenses(
        String productId, Long subscriptionId, List<String> userIds, Set<String> disabledPlans, AssignmentMode mode) {

    public AssignLicenses {
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        disabledPlans = disabledPlans == null ? Set.of() : Set.copyOf(disabledPlans);
        mode = mode == null ? AssignmentMode.ADD : mode;
    }

    public static AssignLicenses of(String productId, List<String> userIds) {
        return new AssignLicenses(productId, null, userIds, Set.of(), AssignmentMode.ADD);
    }
}
