package com.licenseflow.takeover;

import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.shared.Words;

/** A self-service subscription that can be taken over, with the names people know it by. */
public record TakeoverCandidate(Subscription subscription, String productName, String purchaserName) {

    /** "Power BI Pro bought by Emma de Vries: 3 of 3 seats used, renews on 1 Nov 2027" */
    public String label() {
        return productName + " bought by " + purchaserName + ": " + subscription.assignedSeats() + " of "
                + Words.count(subscription.quantity(), "seat", "seats") + " used, "
                + (subscription.recurringBilling() ? "renews" : "ends") + " on " + Words.day(subscription.expiresOn());
    }
}
