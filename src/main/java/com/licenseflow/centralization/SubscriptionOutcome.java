package com.licenseflow.centralization;

/** How a self-service subscription of a campaign came to be Deleted. */
public enum SubscriptionOutcome {
    /** Its purchaser cancelled it (POST /api/subscriptions/{id}/cancel). */
    CANCELLED_BY_PURCHASER,
    /** The purchaser missed the deadline; an admin took it over and cancelled it. */
    TAKEN_OVER,
    /** It was Deleted some other way (say, a takeover outside the campaign) before the campaign asked. */
    ALREADY_DELETED
}
