package com.licenseflow.centralization;

import java.time.Instant;

/** One centralization campaign of a product (S5). */
public record Centralization(
        long id,
        String productId,
        String processInstanceId,
        String startedBy,
        Instant startedAt,
        CentralizationStatus status,
        Long centralSubscriptionId,
        int seatsReserved,
        int seatsUsed,
        int seatsBought,
        long assignedUpToId,
        String finishedBy,
        Instant finishedAt) {

    public boolean isRunning() {
        return finishedAt == null;
    }

    /** Seats reserved on the central subscription that no new license has used (yet). */
    public int unusedSeats() {
        return seatsReserved - seatsUsed;
    }
}
