package com.licenseflow.inventory.subscription;

/** The admin center's life cycle: Active, then Expired (grace), Disabled, and finally Deleted. */
public enum SubscriptionStatus {
    ACTIVE("Active"),
    EXPIRED("Expired"),
    DISABLED("Disabled"),
    DELETED("Deleted");

    private final String label;

    SubscriptionStatus(String label) {
        this.label = label;
    }

    /** As the admin center says it. */
    public String label() {
        return label;
    }

    /** Licenses can be handed out from Active and (during the grace period) Expired subscriptions. */
    public boolean providesLicenses() {
        return this == ACTIVE || this == EXPIRED;
    }
}
