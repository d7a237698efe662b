package com.licenseflow.inventory.subscription;

/** Bought centrally by the organisation, or by a user for themselves and colleagues (self-service). */
public enum SubscriptionKind {
    CENTRAL,
    SELF_SERVICE
}
