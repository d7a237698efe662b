package com.licenseflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Whose password a request presents, and who waits after failures: the account at an address, not the address. */
class LoginThrottleTest {

    private final LoginThrottle throttle = new LoginThrottle(
            5, Duration.ofMinutes(5), Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void theAccountIsReadFromHttpBasicAndFromBothLoginForms() throws Exception {
        assertThat(LoginThrottle.loginAccount(basic("/api/me", "Milan:secret:with:colons")))
                .isEqualTo("milan");
        MockHttpServletRequest form =
                new MockHttpServletRequest("POST", "/camunda/api/admin/auth/user/default/login/tasklist");
        form.setContent("username=+Julia+&password=p%40ss".getBytes(StandardCharsets.UTF_8));
        LoginThrottle.ReplayedBody replayed = new LoginThrottle.ReplayedBody(form);
        assertThat(LoginThrottle.loginAccount(replayed)).isEqualTo("julia");
        assertThat(new String(replayed.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .as("the form goes on whole to Camunda's login")
                .isEqualTo("username=+Julia+&password=p%40ss");
        MockHttpServletRequest console = new MockHttpServletRequest("POST", "/console/login");
        console.setParameter("username", "Milan");
        assertThat(LoginThrottle.loginAccount(console)).isEqualTo("milan");
        console = new MockHttpServletRequest("POST", "/console/login");
        assertThat(LoginThrottle.loginAccount(console))
                .as("no user name is an account too")
                .isEmpty();
        assertThat(LoginThrottle.loginAccount(new MockHttpServletRequest("GET", "/api/me")))
                .isNull();
        MockHttpServletRequest garbage = new MockHttpServletRequest("GET", "/api/me");
        garbage.addHeader("Authorization", "Basic %%%");
        assertThat(LoginThrottle.loginAccount(garbage)).isEmpty();
    }

    @Test
    void fiveFailuresMakeOnlyThatAccountWaitAtThatAddress() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(attempt("milan", "10.0.0.1", 401)).isEqualTo(401);
        }
        assertThat(attempt("milan", "10.0.0.1", 200)).isEqualTo(429);
        assertThat(attempt("julia", "10.0.0.1", 200)).isEqualTo(200);
        assertThat(attempt("milan", "10.0.0.2", 200)).isEqualTo(200);
    }

    private int attempt(String user, String address, int answer) throws Exception {
        MockHttpServletRequest request = basic("/api/me", user + ":password");
        request.setRemoteAddr(address);
        MockHttpServletResponse response = new MockHttpServletResponse();
        throttle.doFilter(request, response, (req, res) -> ((HttpServletResponse) res).setStatus(answer));
        return response.getStatus();
    }

    private static MockHttpServletRequest basic(String path, String credentials) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.addHeader(
                "Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        return request;
    }
}
