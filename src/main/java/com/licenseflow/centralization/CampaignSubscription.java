package com.licenseflow.centralization;

import com.licenseflow.inventory.subscription.SubscriptionStatus;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A self-service subscription a campaign gathered: its purchaser, the users it licensed and what it
 * cost a year when gathered; when the purchaser was asked to cancel it, by when, how often they were
 * reminded, and how it ended. {@code status} is the subscription's status now.
 */
public record CampaignSubscription(
        long subscriptionId,
        String purchaserId,
        int usersFound,
        BigDecimal yearlyCost,
        Instant askedAt,
        Instant deadline,
        int reminders,
        SubscriptionOutcome outcome,
        Instant finishedAt,
        SubscriptionStatus status) {

    public boolean isDeleted() {
        return status == SubscriptionStatus.DELETED;
    }
}
