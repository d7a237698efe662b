package com.licenseflow.takeover;

import com.licenseflow.inventory.subscription.Subscription;

/** S6: a central subscription users can be moved to, with the name of its product. */
public record TakeoverTarget(Subscription subscription, String productName) {

    /** How the forms list it: "Microsoft 365 Business Premium - subscription 3: 4 of 8 seats free". */
    public String label() {
        return productName + ": " + subscription.seatsLabel();
    }
}
