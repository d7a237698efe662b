package com.licenseflow.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.subscription.SubscriptionStatus;
import com.licenseflow.support.Api;
import com.licenseflow.support.IntegrationTest;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The /api door: password guessing, values that are not what they seem, requests from other sites. */
@IntegrationTest
class LoginAndApiHardeningTest extends AttackTest {

    @Autowired
    Clock clock;

    @AfterEach
    void resetClock() {
        driver.resetClock();
    }

    @Test
    void tenWrongPasswordsSlowAnAccountDownButNeverLockItForGood() {
        Api guesser = Api.at(port).as(globalAdmin.id(), "wrong-password");
        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(guesser.get("/api/me").status());
        }
        assertThat(answers).startsWith(401, 401, 401, 401, 401).contains(429);
        Api.Response waiting = api(globalAdmin).get("/api/me");
        assertThat(waiting.status()).as("the right password must wait too").isEqualTo(429);
        assertThat(waiting.header("Retry-After")).isNotNull();

        // No administrator needed: the waits run out by themselves.
        driver.advance(Duration.ofMinutes(10));
        assertThat(api(globalAdmin).get("/api/me").status()).isEqualTo(200);
        assertThat(engine.getIdentityService().checkPassword(globalAdmin.id(), globalAdmin.id()))
                .isTrue();
    }

    @Test
    void aGuesserBehindTheSameAddressNeverKeepsAnybodyElsesCorrectPasswordOut() throws Exception {
        // Everybody behind one NAT or proxy: the same address for the guesser and for the rest of the office.
        String office = "127.0.0.7";
        driver.advance(Duration.ZERO);
        List<Integer> guesses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            guesses.add(me(office, colleague.id(), "wrong-password"));
        }
        assertThat(guesses).startsWith(401, 401, 401, 401, 401).contains(429);

        List<DirectoryUser> others = List.of(employee, licenseAdmin, billingAdmin, globalAdmin);
        ExecutorService atOnce = Executors.newFixedThreadPool(others.size());
        try {
            List<Future<Integer>> logins = new ArrayList<>();
            for (DirectoryUser other : others) {
                logins.add(atOnce.submit(() -> me(office, other.id())));
            }
            for (Future<Integer> login : logins) {
                assertThat(login.get())
                        .as("everybody else at the same address logs in")
                        .isEqualTo(200);
            }
        } finally {
            atOnce.shutdownNow();
        }
        assertThat(me(office, colleague.id()))
                .as("the guessed account waits at that address")
                .isEqualTo(429);
        assertThat(me(office, colleague.id(), "wrong-password", "X-Forwarded-For", "203.0.113.9"))
                .as("a made-up X-Forwarded-For is not another address")
                .isEqualTo(429);

        driver.advance(Duration.ofMinutes(10));
        assertThat(me(office, colleague.id())).isEqualTo(200);
    }

    @Test
    void anAddressTryingManyAccountsMakesEachWaitAfterItsFirstFailure() throws IOException {
        // The clock stands still here, so that a wait of a second is not used up by a busy machine.
        driver.advance(Duration.ZERO);
        String sprayer = "127.0.0.8";
        for (int i = 0; i < 50; i++) {
            assertThat(me(sprayer, "nobody-" + i, "guess")).isEqualTo(401);
        }
        assertThat(me(sprayer, employee.id(), "typo")).isEqualTo(401);
        assertThat(me(sprayer, employee.id()))
                .as("after one failure at that address the account waits a second")
                .isEqualTo(429);
        // The engine's own wait per account after a failure (3 s) outlasts it.
        driver.advance(Duration.ofSeconds(5));
        assertThat(me(sprayer, employee.id())).isEqualTo(200);

        // Another address is not slowed by the sprayer: a second typo there is looked at, not answered 429.
        assertThat(me("127.0.0.9", licenseAdmin.id(), "typo")).isEqualTo(401);
        assertThat(me("127.0.0.9", licenseAdmin.id(), "typo")).isEqualTo(401);
    }

    @Test
    void theListOfEnginesIsBehindTheLoginAndTheActuatorListsNothing() {
        Api.Response anonymous = Api.at(port).get("/engine-rest/engine");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(anonymous.body()).doesNotContain("\"name\":\"default\"");
        assertThat(api(employee).get("/engine-rest/engine").status()).isEqualTo(403);
        Api.Response operator = api(globalAdmin).get("/engine-rest/engine");
        assertThat(operator.status()).as(operator.body()).isEqualTo(200);
        assertThat(operator.body()).contains("\"name\":\"default\"");
        assertThat(Api.at(port)
                        .as(globalAdmin.id(), "wrong")
                        .get("/engine-rest/engine")
                        .status())
                .isEqualTo(401);

        assertThat(Api.at(port).get("/actuator").status()).isEqualTo(404);
        assertThat(Api.at(port).get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void aFractionOfASeatIsRefusedNotRoundedDown() {
        refusedAndUnchanged(
                () -> api(globalAdmin).post("/api/subscriptions/" + seats + "/seats", "{\"seats\":1.5}"),
                422,
                "'1.5' is not a whole number (seats)");
        refusedAndUnchanged(
                () -> api(globalAdmin).post("/api/subscriptions/" + seats + "/seats", "{\"seats\":\"two\"}"),
                422,
                "is not a whole number (seats)");
    }

    @Test
    void anotherSitesPageCannotCancelASubscriptionWithTheBrowsersLogin() {
        long bought = fixtures.selfService(
                product, employee.id(), 2, LocalDate.now(clock).minusDays(2), 7);
        String cancel = "/api/subscriptions/" + bought + "/cancel";
        refusedAndUnchanged(
                () -> api(employee).withHeader("Origin", "http://evil.example").post(cancel, null),
                403,
                "cannot come from another web site");
        refusedAndUnchanged(
                () -> api(employee).withHeader("Sec-Fetch-Site", "cross-site").post(cancel, null),
                403,
                "cannot come from another web site");
        // The same call from LicenseFlow's own origin goes through.
        Api.Response own =
                api(employee).withHeader("Origin", "http://localhost:" + port).post(cancel, null);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(fixtures.subscription(bought).status()).isEqualTo(SubscriptionStatus.DELETED);
    }

    @Test
    void noAnswerOfEitherApiIsKeptByABrowserOrAProxyRefusalsIncluded() {
        List<Api.Response> answers = List.of(
                Api.at(port).get("/api/me"),
                api(globalAdmin).get("/api/me"),
                api(employee).get("/api/audit"),
                Api.at(port).get("/engine-rest/task"),
                api(globalAdmin).get("/engine-rest/task"),
                api(employee).get("/engine-rest/deployment"),
                api(globalAdmin).get("/engine-rest/process-definition/key/no-such-process"));
        assertThat(answers)
                .extracting(a -> a.status() + " " + a.header("Cache-Control"))
                .containsExactly(
                        "401 no-store",
                        "200 no-store",
                        "403 no-store",
                        "401 no-store",
                        "200 no-store",
                        "403 no-store",
                        "404 no-store");
    }

    @Test
    void theWebappsScriptsAreKeptAndAskedForAgainWithTheirETag() {
        Api.Response script = Api.at(port).get("/camunda/lib/deps.js?bust=7.24.0");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Cache-Control")).isEqualTo("no-cache");
        assertThat(script.header("ETag")).isNotBlank();
        Api.Response again =
                Api.at(port).withHeader("If-None-Match", script.header("ETag")).get("/camunda/lib/deps.js?bust=7.24.0");
        assertThat(again.status()).as("not sent again").isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }
    /** GET /api/me as {@code user} (password: their id) from {@code address}, a loopback address of its own. */
    private int me(String address, String user) throws IOException {
        return me(address, user, user);
    }

    /**
     * GET /api/me with HTTP Basic over a connection from {@code address} (any of 127.0.0.0/8), so that LicenseFlow
     * sees callers at different addresses; the status of the answer.
     */
    private int me(String address, String user, String password, String... header) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(address, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8));
            String extra = header.length == 2 ? header[0] + ": " + header[1] + "\r\n" : "";
            socket.getOutputStream()
                    .write(("GET /api/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials + "\r\n"
                                    + extra + "Connection: close\r\n\r\n")
                            .getBytes(UTF_8));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), UTF_8)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
