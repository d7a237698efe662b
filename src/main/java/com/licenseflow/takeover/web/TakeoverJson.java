package com.licenseflow.takeover.web;

import com.licenseflow.takeover.Takeover;
import java.time.Instant;

/**
 * A takeover with its progress: usersMoved of usersToMove while a move runs; usersStayed, the users whose move
 * Microsoft 365 refused and who kept their self-service license (the subscription was then kept for them).
 */
record TakeoverJson(
        long id,
        long subscriptionId,
        String processInstanceId,
        String status,
        boolean running,
        String action,
        String startedBy,
        Instant startedAt,
        Long targetSubscriptionId,
        int usersToMove,
        int usersMoved,
        String cancellationReason,
        String finishedBy,
        Instant finishedAt,
        int usersStayed) {

    public static TakeoverJson of(Takeover t) {
        return new TakeoverJson(
                t.id(),
                t.subscriptionId(),
                t.processInstanceId(),
                t.status().name(),
                t.isRunning(),
                t.action() == null ? null : t.action().name(),
                t.startedBy(),
                t.startedAt(),
                t.targetSubscriptionId(),
                t.usersTotal(),
                t.usersMoved(),
                t.cancellationReason(),
                t.finishedBy(),
                t.finishedAt(),
                t.usersStayed());
    }
}
