package com.licenseflow.centralization;

import java.math.BigDecimal;

/**
 * How far a campaign is: users found and what happened to them, subscriptions gathered and how many
 * of them are Deleted, and what the self-service purchases cost a year against the same users on
 * the central subscription.
 */
public record CentralizationProgress(
        int usersFound,
        int usersCentralized,
        int usersAlreadyCentral,
        int usersNoLongerLicensed,
        int subscriptionsTotal,
        int subscriptionsCancelled,
        BigDecimal selfServiceYearlyCost,
        BigDecimal centralYearlyCost) {

    public int usersPending() {
        return usersFound - usersCentralized - usersAlreadyCentral - usersNoLongerLicensed;
    }

    public BigDecimal yearlySavings() {
        return selfServiceYearlyCost.subtract(centralYearlyCost);
    }

    /** What Cockpit shows: "3 of 5 subscriptions cancelled, 12 of 14 users centralized". */
    public String text() {
        return subscriptionsCancelled + " of " + subscriptionsTotal + " subscriptions cancelled, " + usersCentralized
                + " of " + usersFound + " users centralized"
                + (usersAlreadyCentral > 0 ? " (" + usersAlreadyCentral + " already had a central license)" : "");
    }
}
