package com.licenseflow.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Asking a packaged jar again until its background work (jobs, the mail worker) shows: what a
 * test outside the engine does instead of an engine helper. It pauses between questions, so the
 * asking does not take the cores the work needs.
 */
public final class Eventually {

    private static final long PAUSE_MILLIS = 200;

    private Eventually() {}

    /** The first answer {@code done} accepts, or the last one after {@code limit}. */
    public static <T> T get(Duration limit, Supplier<T> ask, Predicate<T> done) {
        Instant deadline = Instant.now().plus(limit);
        T answer = ask.get();
        while (!done.test(answer) && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PAUSE_MILLIS));
            answer = ask.get();
        }
        return answer;
    }
}
