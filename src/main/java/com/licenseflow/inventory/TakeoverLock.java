package com.licenseflow.inventory;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether an administrator is taking a self-service subscription over: while one is, its purchaser
 * can no longer change it (their changes would race the move or the cancellation). The takeover
 * module answers it; the inventory only asks.
 */
public interface TakeoverLock {

    /** Who is taking the subscription over, and since when. */
    record Holder(String adminId, Instant since) {}

    Optional<Holder> holder(long subscriptionId);
}
