package com.licenseflow.selfservice;

import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.shared.Words;

/** One of a purchaser's own self-service subscriptions that they can cancel, with its product's name. */
public record CancellableSubscription(Subscription subscription, String productName) {

    /** "Power BI Pro: 3 of 5 seats used, renews on 1 Nov 2027" */
    public String label() {
        return productName + ": " + subscription.assignedSeats() + " of "
                + Words.count(subscription.quantity(), "seat", "seats") + " used, "
                + (subscription.recurringBilling() ? "renews" : "ends") + " on " + Words.day(subscription.expiresOn());
    }
}
