package com.licenseflow.takeover;

import java.time.Instant;

/**
 * One takeover of a self-service subscription by an admin, with the progress of its move: users
 * moved out of users to move, seats reserved on the target and used by the new licenses. {@code usersStayed}: users
 * whose move Microsoft 365 refused and who stayed on the subscription, which an admin kept for them.
 */
public record Takeover(
        long id,
        long subscriptionId,
        String processInstanceId,
        String startedBy,
        Instant startedAt,
        TakeoverAction action,
        TakeoverStatus status,
        Long targetSubscriptionId,
        int usersTotal,
        int usersMoved,
        int seatsReserved,
        int seatsUsed,
        long movedUpToId,
        String cancellationReason,
        String finishedBy,
        Instant finishedAt,
        int usersStayed) {

    public boolean isRunning() {
        return status.isRunning();
    }

    /** Reserved seats no new license took (users who already held the target product): given back at the end. */
    public int unusedSeats() {
        return seatsReserved - seatsUsed;
    }
}
