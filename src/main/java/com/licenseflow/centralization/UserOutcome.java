package com.licenseflow.centralization;

/** What a campaign did for one user it found. */
enum UserOutcome {
    /** The self-service license was given up for a central one in the same transaction. */
    CENTRALIZED,
    /** The user already held the product on a central subscription: skipped. */
    ALREADY_CENTRAL,
    /** The user no longer held the product through the campaign's purchases when their chunk ran: skipped. */
    NO_LONGER_LICENSED
}
