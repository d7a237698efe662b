package com.licenseflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.support.Api;
import com.licenseflow.support.DemoInBrowser;
import com.licenseflow.support.Eventually;
import com.licenseflow.support.Tasklist;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The lifecycle processes' tasks in the real Tasklist in Chromium, against the packaged jar with fresh
 * demo data: a manager's "Review idle licenses" (Noah's team: Liam has not signed in for 120 days,
 * Olivia's account is disabled), a billing admin's "Decide renewal" (the demo's Business Premium term
 * ends in 65 days, its Teams Exploratory trial in 30) and a manager's "Recertify licenses".
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleTasklistIT {

    private static final String PREMIUM = "SPB";

    private static DemoInBrowser demo;
    private static Api alice;

    @BeforeAll
    static void start() {
        demo = DemoInBrowser.start("lifecycle");
        alice = demo.api().as("alice");
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @Order(1)
    void aManagerKeepsOneIdleLicenseWithAReasonAndTheOtherIsReclaimed() {
        Api lars = demo.api().as("lars");
        Api.Response started = lars.post("/api/reclaim-runs", "{\"product\":\"Microsoft 365 Business Premium\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String run = started.json().path("runId").asText();

        try (Tasklist noah = demo.tasklist("noah")) {
            noah.awaitTask("My tasks", "Review idle licenses", 60);
            noah.expectText("2 licenses have not been used by people who report to Noah Bakker");
            assertThat(noah.text())
                    .contains(
                            "Liam Smit: Microsoft 365 Business Premium",
                            "no sign-in since",
                            "Olivia Lindqvist: Microsoft 365 Business Premium",
                            "account disabled")
                    .doesNotContain("/api/");
            noah.page().getByLabel("Liam Smit: Microsoft 365 Business Premium").check();
            noah.expectText("Say why the licenses you keep are still needed.");
            noah.fill("Why they are still needed", "Back from his sabbatical in January");
            noah.expectNoText("Say why the licenses you keep are still needed.");
            noah.screenshot("review-idle-licenses");
            noah.complete();
        }

        // The job executor takes Olivia's license back and tells her.
        Eventually.get(
                Duration.ofSeconds(60),
                () -> alice.get("/api/users/olivia/licenses").json(),
                licenses -> !holds(licenses));
        assertThat(holds(alice.get("/api/users/olivia/licenses").json()))
                .as("reclaimed")
                .isFalse();
        assertThat(holds(alice.get("/api/users/liam/licenses").json()))
                .as("kept")
                .isTrue();
        JsonNode told = Eventually.get(
                Duration.ofSeconds(30),
                () -> alice.get("/api/notifications?status=sent&recipient=olivia@contoso.example")
                        .json(),
                sent -> !sent.isEmpty());
        assertThat(told)
                .extracting(n -> n.path("subject").asText())
                .contains("Your Microsoft 365 Business Premium license was reclaimed");

        JsonNode report = lars.get("/api/reclaim-runs/" + run).json();
        assertThat(report.path("kept").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(report.path("reclaimed").asInt()).isEqualTo(1);
        assertThat(report.path("finished").asBoolean())
                .as("Sara has still to review Lucas's")
                .isFalse();
    }

    @Test
    @Order(2)
    void aBillingAdminBuysTheTrialAndRenewsTheSubscription() {
        assertThat(exploratory().path("recurringBilling").asBoolean())
                .as("a trial bills nothing yet")
                .isFalse();
        try (Tasklist bill = demo.tasklist("bill")) {
            for (int i = 0; i < 2; i++) {
                bill.awaitTask("My group's tasks", "Decide renewal", 60);
                bill.expectText("ends on");
                if (bill.text().contains("Microsoft Teams Exploratory trial")) {
                    assertThat(bill.text()).contains("2 of 25 seats used", "Suggested for the next term: 3 seats");
                    bill.check("Buy it: a paid subscription with the seats below");
                    assertThat(bill.field("Seats for the next term").inputValue())
                            .isEqualTo("3");
                    bill.screenshot("decide-renewal");
                } else {
                    assertThat(bill.text())
                            .contains("Microsoft 365 Business Premium subscription", "5 of 5 seats used");
                    bill.check("Renew with the same seats");
                }
                bill.complete();
            }
        }
        assertThat(exploratory().path("recurringBilling").asBoolean())
                .as("bought: billed from its end day")
                .isTrue();
    }

    @Test
    @Order(3)
    void aManagerRecertifiesTheirPeoplesLicenses() {
        Api.Response started = demo.api()
                .as("lars")
                .post(
                        "/api/recertifications",
                        "{\"product\":\"Microsoft 365 Business Standard\",\"deadlineDays\":7,\"whenUnanswered\":\"confirm\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String campaign = started.json().path("runId").asText();
        try (Tasklist finn = demo.tasklist("finn")) {
            finn.awaitTask("My tasks", "Recertify licenses", 60);
            finn.expectText("Recertify the 1 license held by people who report to Finn Hendriks");
            finn.page()
                    .getByLabel("Jonas van Dijk: Microsoft 365 Business Standard")
                    .check();
            finn.screenshot("recertify-licenses");
            finn.complete();
        }
        JsonNode report = Eventually.get(
                Duration.ofSeconds(30),
                () -> demo.api().as("lars").get("/api/reclaim-runs/" + campaign).json(),
                r -> r.path("kept").asInt() == 1);
        assertThat(report.path("kept").asInt()).as(report.toString()).isEqualTo(1);
        assertThat(holds(alice.get("/api/users/jonas/licenses").json(), "O365_BUSINESS_PREMIUM"))
                .isTrue();
    }

    private static JsonNode exploratory() {
        return alice.get("/api/subscriptions?kind=central&productId=TEAMS_EXPLORATORY")
                .json()
                .get(0);
    }

    private static boolean holds(JsonNode licenses, String productId) {
        return StreamSupport.stream(licenses.spliterator(), false)
                .anyMatch(l -> l.path("productId").asText().equals(productId));
    }

    private static boolean holds(JsonNode licenses) {
        return StreamSupport.stream(licenses.spliterator(), false)
                .anyMatch(l -> l.path("productId").asText().equals(PREMIUM));
    }
}
