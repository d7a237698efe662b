package com.licenseflow.domain.subscription;

/** The admin center's life cycle: Active, then Expired (grace), Disabled, and finally Deleted. */
public enum SubscriptionStatus {
    ACTIVE, EXPIRED, DISABLED, DELETED;

    /** Licenses can be handed out from Active and (during the grace period) Expired subscriptions. */
    public boolean providesLicenses() {
        return this == ACTIVE || this == EXPIRED;
    }
}
