package com.licenseflow.tenant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Graph's write budget for license assignment, kept on LicenseFlow's side: no more than {@code budget} requests
 * in any {@code window} (a sliding window of what was sent), and nothing at all while Graph has said to wait
 * (a 429's Retry-After). Every request inside a {@code $batch} counts, as Graph counts them. Only the node holding
 * the writer's lease sends, so one budget per node is the tenant's budget.
 */
final class WriteBudget {

    private record Sent(Instant at, int requests) {
    }

    /**
     * Graph counts a request when it arrives; LicenseFlow counts it when the answer is back (later than that), and
     * a second longer besides, for the clocks of two machines: a request sent as the oldest leaves LicenseFlow's
     * window never arrives while that one is still in Graph's.
     */
    static final Duration SLACK = Duration.ofSeconds(1);

    private final Clock clock;
    private final Deque<Sent> sent = new ArrayDeque<>();
    private int inWindow;
    private Instant quietUntil = Instant.MIN;

    WriteBudget(Clock clock) {
        this.clock = clock;
    }

    /** How long to wait before {@code requests} more may be sent under {@code budget} per {@code window}; zero: now. */
    synchronized Duration waitFor(int requests, int budget, Duration budgetWindow) {
        Duration window = budgetWindow.plus(SLACK);
        Instant now = clock.instant();
        while (!sent.isEmpty() && !sent.peekFirst().at().plus(window).isAfter(now)) {
            inWindow -= sent.removeFirst().requests();
        }
        Duration quiet = Duration.between(now, quietUntil);
        if (quiet.isNegative()) {
            quiet = Duration.ZERO;
        }
        if (inWindow + requests <= budget) {
            return quiet;
        }
        // The oldest sends leave the window one after the other; wait until enough have.
        int over = inWindow + requests - budget;
        Instant until = now;
        for (Sent s : sent) {
            over -= s.requests();
            until = s.at().plus(window);
            if (over <= 0) {
                break;
            }
        }
        Duration full = Duration.between(now, until);
        return full.compareTo(quiet) > 0 ? full : quiet;
    }

    synchronized void spent(int requests) {
        sent.addLast(new Sent(clock.instant(), requests));
        inWindow += requests;
    }

    /** Graph said to wait: nothing is sent before then. */
    synchronized void quietFor(Duration wait) {
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(quietUntil)) {
            quietUntil = until;
        }
    }
}
