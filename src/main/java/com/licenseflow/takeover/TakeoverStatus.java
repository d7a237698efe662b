package com.licenseflow.takeover;

/**
 * Where a takeover stands. While it runs the subscription is locked: nobody else can take it over,
 * and its purchaser can no longer change its licenses.
 */
public enum TakeoverStatus {
    /** Started; the admin is choosing what to do (or a seat shortage is being resolved). */
    STARTED(true),
    /** Seats reserved on the target; users are being moved chunk by chunk. */
    MOVING(true),
    /** Cancelled outside the cancellation window: recurring billing is off, waiting for the end of term (A10). */
    ENDING_AT_TERM(true),
    /** S6: every user moved, the old subscription Deleted. */
    MOVED(false),
    /** S7: cancelled at once, users unassigned, the subscription Deleted. */
    CANCELLED(false),
    /** A10: the term ended, users unassigned, the subscription Deleted. */
    ENDED_AT_TERM(false),
    /** The admin backed out before anything changed. */
    BACKED_OUT(false),
    /** The process was ended from outside (e.g. deleted in Cockpit) before it finished. */
    ABANDONED(false);

    private final boolean running;

    TakeoverStatus(boolean running) {
        this.running = running;
    }

    public boolean isRunning() {
        return running;
    }
}
