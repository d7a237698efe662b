package com.licenseflow.centralization;

import com.licenseflow.inventory.subscription.SubscriptionStatus;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A self-service subscription a campaign gathered: its purchaser, the users it licensed and what it
 * cost a year when gathered; when the purchaser was asked to cancel it, by when, how often they were
 * reminded, and how it ended. {@code status} and {@code recurringBilling} are the subscription's now.
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
        SubscriptionStatus status,
        boolean recurringBilling) {

    /**
     * Cancelled by its purchaser or an admin: Deleted, or (cancelled after its cancellation window, A10)
     * recurring billing off, ending at the end of its term. Either way nobody has to be asked again.
     */
    public boolean isCancelled() {
        return status == SubscriptionStatus.DELETED || !recurringBilling;
    }
}
