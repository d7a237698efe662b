package com.licenseflow.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing from one address, at every door that checks a password (/api and
 * /engine-rest with HTTP Basic, the webapps' login form). After {@code failuresBeforeDelay} failed
 * logins in a row an address must wait 1 s, then 2 s, 4 s ... up to {@code maxDelay} before its
 * next attempt is even looked at (429 with Retry-After); a successful login resets it. Nothing is
 * ever locked for good: the wait runs out by itself. (Per account the engine adds its own delay,
 * see {@link EngineHardening}.)
 */
public class LoginThrottle extends OncePerRequestFilter {

    private static final int MAX_ADDRESSES = 100_000;
    private static final Duration FORGET_AFTER = Duration.ofHours(1);

    private record Failures(int count, Instant last, Instant waitUntil) {}

    private final Map<String, Failures> byAddress = new ConcurrentHashMap<>();
    private final int failuresBeforeDelay;
    private final Duration maxDelay;
    private final Clock clock;

    public LoginThrottle(int failuresBeforeDelay, Duration maxDelay, Clock clock) {
        this.failuresBeforeDelay = failuresBeforeDelay;
        this.maxDelay = maxDelay;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isLoginAttempt(request)) {
            chain.doFilter(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        Instant now = clock.instant();
        Failures failures = byAddress.get(address);
        if (failures != null && failures.waitUntil() != null && now.isBefore(failures.waitUntil())) {
            long seconds =
                    Math.max(1, Duration.between(now, failures.waitUntil()).toSeconds());
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(seconds));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write("{\"status\":429,\"title\":\"Too many failed logins\",\"detail\":\"Too many "
                            + "failed logins from your address. Try again in " + seconds + " seconds.\","
                            + "\"message\":\"Too many failed logins from your address. Try again in " + seconds
                            + " seconds.\"}");
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            failed(address, now);
        } else if (response.getStatus() < 400) {
            byAddress.remove(address);
        }
    }

    private void failed(String address, Instant now) {
        if (byAddress.size() > MAX_ADDRESSES) {
            byAddress.values().removeIf(f -> f.last().isBefore(now.minus(FORGET_AFTER)));
        }
        byAddress.compute(address, (key, before) -> {
            int count = before == null || before.last().isBefore(now.minus(FORGET_AFTER)) ? 1 : before.count() + 1;
            Instant waitUntil = null;
            if (count >= failuresBeforeDelay) {
                int doublings = Math.min(30, count - failuresBeforeDelay);
                Duration delay = Duration.ofSeconds(1L << doublings);
                waitUntil = now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
            }
            return new Failures(count, now, waitUntil);
        });
    }

    /** A request that presents a password: HTTP Basic, the webapps' login form, or the console's. */
    static boolean isLoginAttempt(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return "POST".equalsIgnoreCase(request.getMethod())
                && (path.matches("^/camunda/api/admin/auth/user/[^/]+/login/.*") || path.equals("/console/login"));
    }
}
