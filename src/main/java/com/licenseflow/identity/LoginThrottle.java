package com.licenseflow.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Slows down password guessing at every door that checks a password (/api and /engine-rest with HTTP Basic, the
 * webapps' login form, the console's), per account and address: after {@code failuresBeforeDelay} failed logins
 * in a row for one account from one address, that account must wait 1 s, then 2 s, 4 s ... up to
 * {@code maxDelay} before its next attempt from that address is even looked at (429 with Retry-After); a
 * successful login resets it. An address that fails for many accounts (ten times {@code failuresBeforeDelay})
 * is slowed more gently: every account it tries waits after its first failure there. So a guesser behind a
 * shared address (a NAT, a proxy) never keeps anybody else's correct password out. Nothing is ever locked for
 * good: the waits run out by themselves. (Per account the engine adds its own delay, see
 * {@link EngineHardening}.) The address is the connection's, or, behind a proxy named in Tomcat's
 * {@code server.tomcat.remoteip.internal-proxies} with {@code server.forward-headers-strategy=native}, the one
 * it forwards: X-Forwarded-For from anyone else is ignored.
 */
public class LoginThrottle extends OncePerRequestFilter {

    private static final int MAX_ENTRIES = 100_000;
    private static final Duration FORGET_AFTER = Duration.ofHours(1);
    private static final int ADDRESS_FACTOR = 10;

    private record Failures(int count, Instant last, Instant waitUntil) {}

    private record Key(String account, String address) {}

    private final Map<Key, Failures> byAccount = new ConcurrentHashMap<>();
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
        if (isWebappLogin(request)) {
            // Camunda's login reads its form itself (JAX-RS @FormParam): read the user name from a copy of the
            // body and hand the body on untouched, so the form is neither lost nor parsed twice.
            request = new ReplayedBody(request);
        }
        String account = loginAccount(request);
        if (account == null) {
            chain.doFilter(request, response);
            return;
        }
        Key key = new Key(account, request.getRemoteAddr());
        Instant now = clock.instant();
        Failures failures = byAccount.get(key);
        if (failures != null && failures.waitUntil() != null && now.isBefore(failures.waitUntil())) {
            long seconds =
                    Math.max(1, Duration.between(now, failures.waitUntil()).toSeconds());
            String words = "Too many failed logins for " + account + " from your address. Try again in " + seconds
                    + " seconds.";
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(seconds));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write("{\"status\":429,\"title\":\"Too many failed logins\",\"detail\":\"" + words
                            + "\",\"message\":\"" + words + "\"}");
            return;
        }
        RefusalNoticed answer = new RefusalNoticed(response, () -> failed(key, clock.instant()));
        chain.doFilter(request, answer);
        if (!answer.refused() && response.getStatus() < 400) {
            byAccount.remove(key);
        }
    }

    /**
     * Records a refused login the moment it is answered 401, before the answer can reach the caller: a caller
     * quick with the next try must find the failure already counted. The wait then runs from the answer, so a
     * slow password check does not use it up.
     */
    private static final class RefusalNoticed extends HttpServletResponseWrapper {

        private final Runnable onRefusal;
        private boolean refused;

        RefusalNoticed(HttpServletResponse response, Runnable onRefusal) {
            super(response);
            this.onRefusal = onRefusal;
        }

        boolean refused() {
            return refused;
        }

        private void status(int status) {
            if (status == SC_UNAUTHORIZED && !refused) {
                refused = true;
                onRefusal.run();
            }
        }

        @Override
        public void setStatus(int status) {
            status(status);
            super.setStatus(status);
        }

        @Override
        public void sendError(int status) throws IOException {
            status(status);
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            status(status);
            super.sendError(status, message);
        }
    }

    private void failed(Key key, Instant now) {
        if (byAccount.size() > MAX_ENTRIES || byAddress.size() > MAX_ENTRIES) {
            byAccount.values().removeIf(f -> f.last().isBefore(now.minus(FORGET_AFTER)));
            byAddress.values().removeIf(f -> f.last().isBefore(now.minus(FORGET_AFTER)));
        }
        Failures address = byAddress.compute(key.address(), (a, before) -> next(before, now, Integer.MAX_VALUE));
        int threshold = address.count() >= failuresBeforeDelay * ADDRESS_FACTOR ? 1 : failuresBeforeDelay;
        byAccount.compute(key, (k, before) -> next(before, now, threshold));
    }

    /** One more failure; waiting (1 s, doubling, at most maxDelay) from the {@code threshold}th on. */
    private Failures next(Failures before, Instant now, int threshold) {
        int count = before == null || before.last().isBefore(now.minus(FORGET_AFTER)) ? 1 : before.count() + 1;
        Instant waitUntil = null;
        if (count >= threshold) {
            int doublings = Math.min(30, count - threshold);
            Duration delay = Duration.ofSeconds(1L << doublings);
            waitUntil = now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
        }
        return new Failures(count, now, waitUntil);
    }

    /**
     * The account a request presents a password for (lower case): HTTP Basic, the webapps' login form, or the
     * console's; null for any other request.
     */
    static String loginAccount(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return (colon < 0 ? decoded : decoded.substring(0, colon)).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException notBase64) {
                return "";
            }
        }
        if (request instanceof ReplayedBody replayed) {
            return replayed.formValue("username").trim().toLowerCase(Locale.ROOT);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("POST".equalsIgnoreCase(request.getMethod()) && path.equals("/console/login")) {
            String user = request.getParameter("username");
            return user == null ? "" : user.trim().toLowerCase(Locale.ROOT);
        }
        return null;
    }

    private static boolean isWebappLogin(HttpServletRequest request) {
        return "POST".equalsIgnoreCase(request.getMethod())
                && request.getRequestURI()
                        .substring(request.getContextPath().length())
                        .matches("^/camunda/api/admin/auth/user/[^/]+/login/.*");
    }

    /** A login form read once here (for its user name) and again, whole, by Camunda's login. */
    static final class ReplayedBody extends CachedBody {

        private static final int MAX_FORM = 16 * 1024;

        ReplayedBody(HttpServletRequest request) throws IOException {
            super(request, request.getInputStream().readNBytes(MAX_FORM));
        }

        /** A value of the url-encoded form; empty when the form has none. */
        String formValue(String name) {
            for (String pair : new String(bytes(), StandardCharsets.ISO_8859_1).split("&")) {
                int equals = pair.indexOf('=');
                String key = equals < 0 ? pair : pair.substring(0, equals);
                if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                    return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                }
            }
            return "";
        }
    }
}
