package com.licenseflow.tenant;

import java.time.Duration;

/** Graph's Retry-After: seconds to wait (Graph sends seconds; an HTTP date or nothing means a short wait). */
final class GraphThrottling {

    static final Duration WITHOUT_RETRY_AFTER = Duration.ofSeconds(2);

    private GraphThrottling() {}

    static Duration retryAfter(String header) {
        if (header == null) {
            return WITHOUT_RETRY_AFTER;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return WITHOUT_RETRY_AFTER;
        }
    }

    static void pause(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException("Interrupted while Microsoft Graph asked to wait", 0, null, e);
        }
    }
}
