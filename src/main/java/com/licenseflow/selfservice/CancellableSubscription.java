package com.licenseflow.selfservice;

import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.shared.Words;

/**
 * One of a purchaser's own self-service subscriptions that they can cancel, with its product's name and
 * whether its cancellation window is still open (A10: cancelled at once, or at the end of its term).
 */
public record CancellableSubscription(Subscription subscription, String productName, boolean withinWindow) {

    /**
     * "Power BI Pro: 3 of 5 seats used, renews on 1 Nov 2027; cancelled now, it ends at once", or after the
     * window "...; its cancellation window ended on 8 Nov 2026: cancelled now, it ends on 1 Nov 2027".
     */
    public String label() {
        return productName + ": " + subscription.assignedSeats() + " of "
                + Words.count(subscription.quantity(), "seat", "seats") + " used, renews on "
                + Words.day(subscription.expiresOn()) + "; "
                + (withinWindow
                        ? "cancelled now, it ends at once"
                        : "its cancellation window ended on " + Words.day(subscription.cancellationWindowEndsOn())
                                + ": cancelled now, it ends on " + Words.day(subscription.expiresOn()));
    }
}
