package com.licenseflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.inventory.subscription.SubscriptionStatus;
import com.licenseflow.support.Api;
import com.licenseflow.support.IntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
}
