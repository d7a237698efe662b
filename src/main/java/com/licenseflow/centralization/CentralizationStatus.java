package com.licenseflow.centralization;

/** Where a centralization campaign stands. The last three are final: the campaign no longer runs. */
public enum CentralizationStatus {
    /** Purchases gathered; the admin plans where the central licenses come from. */
    PLANNING,
    /** Seats reserved; central licenses are being assigned chunk by chunk. */
    ASSIGNING,
    /** Every user centralized; waiting for the purchasers to cancel (or for the admin to take over). */
    WAITING,
    COMPLETED,
    /** The admin called it off while planning: nothing was changed. */
    CALLED_OFF,
    /** The process ended some other way (deleted in Cockpit): unused reserved seats were given back. */
    ABANDONED
}
