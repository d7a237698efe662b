package com.licenseflow.tenant;

import com.licenseflow.shared.Rows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * Graph's write budget for license assignment, kept on LicenseFlow's side: no more than {@code budget} requests
 * in any {@code window} (a sliding window of what was sent), and nothing at all while Graph has said to wait
 * (a 429's Retry-After). Every request inside a {@code $batch} counts, as Graph counts them. Graph keeps one budget
 * per app and tenant, so this one is kept in the database ({@code tenant_write_spent}): a node that starts, or takes
 * over the writer's lease from one that died, goes on from what was sent in the last window instead of from nothing.
 * Only the lease holder sends, so its statements need no lock. Real time throughout: Graph's window is.
 */
@Component
class WriteBudget {

    private record Sent(Instant at, int requests) {}

    /**
     * Graph counts a request when it arrives; LicenseFlow counts it when the answer is back (later than that), and
     * a second longer besides, for the clocks of two machines: a request sent as the oldest leaves LicenseFlow's
     * window never arrives while that one is still in Graph's.
     */
    static final Duration SLACK = Duration.ofSeconds(1);

    private final JdbcClient jdbc;
    private final Clock clock = Clock.systemUTC();

    WriteBudget(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How long to wait before {@code requests} more may be sent under {@code budget} per {@code window}; zero: now. */
    Duration waitFor(int requests, int budget, Duration budgetWindow) {
        Duration window = budgetWindow.plus(SLACK);
        Instant now = clock.instant();
        jdbc.sql("delete from tenant_write_spent where counted_at <= ?")
                .param(Rows.timestamp(now.minus(window)))
                .update();
        List<Sent> sent = jdbc.sql("select counted_at, requests from tenant_write_spent order by counted_at, id")
                .query((rs, n) -> new Sent(Rows.instant(rs, "counted_at"), rs.getInt("requests")))
                .list();
        Instant quietUntil = jdbc.sql("select quiet_until from tenant_writer_lease where id = 1")
                .query((rs, n) -> Optional.ofNullable(Rows.instant(rs, "quiet_until")))
                .single()
                .orElse(now);
        Duration quiet = quietUntil.isAfter(now) ? Duration.between(now, quietUntil) : Duration.ZERO;
        int over = sent.stream().mapToInt(Sent::requests).sum() + requests - budget;
        if (over <= 0) {
            return quiet;
        }
        // The oldest sends leave the window one after the other; wait until enough have.
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

    /** A batch of {@code requests} is about to be sent: counted from now (a node dying before the answer leaves it so). */
    long sending(int requests) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into tenant_write_spent (counted_at, requests) values (?, ?)")
                .params(Rows.timestamp(clock.instant()), requests)
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** Its answer is back: counted from now, when Graph has certainly counted it. */
    void answered(long batch) {
        jdbc.sql("update tenant_write_spent set counted_at = ? where id = ?")
                .params(Rows.timestamp(clock.instant()), batch)
                .update();
    }

    /** Graph said to wait: nothing is sent before then, by any node. */
    void quietFor(Duration wait) {
        Instant until = clock.instant().plus(wait);
        jdbc.sql(
                        "update tenant_writer_lease set quiet_until = :until where id = 1 and (quiet_until is null or quiet_until < :until)")
                .param("until", Rows.timestamp(until))
                .update();
    }
}
