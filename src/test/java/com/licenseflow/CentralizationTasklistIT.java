package com.licenseflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.support.Api;
import com.licenseflow.support.DemoInBrowser;
import com.licenseflow.support.Eventually;
import com.licenseflow.support.Tasklist;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every path of license-centralization.bpmn through Tasklist in Chromium, against the packaged jar
 * with fresh demo data, as bill (Billing administrator): call a campaign off, plan it with the free
 * seats, plan it with a purchase, and at a purchaser's deadline extend it or take the subscription
 * over. The jar gives purchasers 15 seconds instead of 30 days, so the deadline comes while the test
 * waits for it in Tasklist.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CentralizationTasklistIT {

    private static final String MY_TASKS = "My tasks";
    private static final String START = "Centralize self-service purchases";

    private static DemoInBrowser demo;
    private static Api alice;

    @BeforeAll
    static void start() {
        demo = DemoInBrowser.start("centralization", "--licenseflow.centralization.cancel-deadline=PT15S");
        alice = demo.api().as("alice");
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    private Tasklist bill() {
        return demo.tasklist("bill");
    }

    private static JsonNode campaignOf(String productId) {
        return alice.get("/api/centralizations?productId=" + productId).json().get(0);
    }

    private static JsonNode awaitCampaign(String productId, Predicate<JsonNode> done) {
        JsonNode campaign = Eventually.get(Duration.ofSeconds(60), () -> campaignOf(productId), done);
        assertThat(done.test(campaign)).as(campaign.toString()).isTrue();
        return campaign;
    }

    private static long boughtBy(String purchaser, String productId) {
        return StreamSupport.stream(
                        alice.get("/api/subscriptions?kind=self-service&productId=" + productId)
                                .json()
                                .spliterator(),
                        false)
                .filter(s -> s.path("purchaser").path("id").asText().equals(purchaser))
                .findFirst()
                .orElseThrow()
                .path("id")
                .asLong();
    }

    @Test
    @Order(1)
    void aCampaignWithoutACentralSubscriptionIsCalledOff() {
        try (Tasklist bill = bill()) {
            bill.startForm(START).fill("Product", "Project Plan 3").start();
            bill.open(MY_TASKS, "Plan centralization");
            bill.expectText("There is no active central subscription of Project Plan 3");
            bill.check("Call the campaign off: change nothing");
            bill.complete();
        }
        assertThat(awaitCampaign(
                                "PROJECTPROFESSIONAL",
                                c -> !c.path("status").asText().equals("PLANNING"))
                        .path("status")
                        .asText())
                .isEqualTo("CALLED_OFF");
    }

    @Test
    @Order(2)
    void plannedWithTheFreeSeatsAndCompleteOnceThePurchaserCancels() {
        try (Tasklist bill = bill()) {
            bill.startForm(START).fill("Product", "Visio Plan 2").start();
            bill.open(MY_TASKS, "Plan centralization");
            bill.select("Central subscription", "2 of 2 seats free");
            // A value typed for a choice then abandoned never blocks Complete.
            bill.check("Buy more seats on the subscription below first").fill("Seats to buy", "0");
            bill.expectText("Buy between 1 and 10,000 seats.");
            bill.check("The free seats of the subscription below");
            assertThat(bill.completeEnabled()).isTrue();
            bill.screenshot("plan-centralization");
            bill.complete();
        }
        awaitCampaign("VISIOCLIENT", c -> c.path("status").asText().equals("WAITING"));
        long mias = boughtBy("mia", "VISIOCLIENT");
        // Mia does what the email asking her to cancel says, in Tasklist.
        assertThat(mailTo("mia", "Please cancel your Visio Plan 2 subscription"))
                .contains("Start process > \"Cancel my self-service subscription\"")
                .doesNotContain("/api/", "curl");
        try (Tasklist mia = demo.tasklist("mia")) {
            mia.startForm("Cancel my self-service subscription").start();
            mia.open(MY_TASKS, "Choose the subscription to cancel");
            mia.check("Cancel this subscription (its users lose access when it ends)");
            mia.expectText("Choose the subscription to cancel.");
            // Bought 20 days ago, past its 7-day cancellation window: it ends with its term (A10), as its option says.
            mia.select("Subscription", "; its cancellation window ended on ");
            mia.expectNoText("Choose the subscription to cancel.");
            mia.fill("Why (optional)", "The central subscription covers us now");
            mia.screenshot("choose-subscription-to-cancel");
            mia.complete();
        }
        JsonNode cancelled = alice.get("/api/subscriptions/" + mias).json();
        assertThat(cancelled.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(cancelled.path("recurringBilling").asBoolean()).isFalse();
        assertThat(cancelled.path("cancellationReason").asText()).isEqualTo("The central subscription covers us now");
        assertThat(awaitCampaign("VISIOCLIENT", c -> c.path("status").asText().equals("COMPLETED"))
                        .path("status")
                        .asText())
                .isEqualTo("COMPLETED");
    }

    /** The text of the newest email {@code user} received whose subject starts with {@code subject} (sent in the background). */
    private static String mailTo(String user, String subject) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            for (JsonNode mail : demo.api().as(user).get("/api/dev-mailbox").json()) {
                if (mail.path("subject").asText().startsWith(subject)) {
                    return demo.api()
                            .as(user)
                            .get("/api/dev-mailbox/" + mail.path("number").asInt())
                            .json()
                            .path("text")
                            .asText();
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(user + " got no email '" + subject + "...' in 30 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    @Test
    @Order(3)
    void plannedWithAPurchaseThenAtTheDeadlineOnePurchaserGetsMoreTimeAndTheOtherIsTakenOver() {
        try (Tasklist bill = bill()) {
            bill.startForm(START).fill("Product", "Power BI Pro").start();
            bill.open(MY_TASKS, "Plan centralization");
            bill.expectText("5 users need a central seat");
            bill.select("Central subscription", "4 of 5 seats free");
            bill.check("Buy more seats on the subscription below first");
            bill.complete();
        }
        awaitCampaign("POWER_BI_PRO", c -> c.path("status").asText().equals("WAITING"));
        long jonass = boughtBy("jonas", "POWER_BI_PRO");

        try (Tasklist bill = bill()) {
            for (int decided = 0; decided < 2; decided++) {
                bill.awaitTask(MY_TASKS, "Purchaser did not cancel", 90);
                if (bill.text().contains("Emma de Vries")) {
                    bill.check("Give the purchaser more time");
                    assertThat(bill.field("Days to add to the deadline").inputValue())
                            .isEqualTo("14");
                    bill.screenshot("purchaser-did-not-cancel");
                } else {
                    assertThat(bill.text()).contains("Jonas van Dijk", "cancels it at once");
                    bill.check("Take the subscription over and cancel it");
                }
                bill.complete();
            }
        }
        JsonNode campaign = awaitCampaign(
                "POWER_BI_PRO",
                c -> StreamSupport.stream(c.path("subscriptions").spliterator(), false)
                        .anyMatch(p -> "TAKEN_OVER".equals(p.path("outcome").asText())));
        assertThat(campaign.path("status").asText()).as("emma still has time").isEqualTo("WAITING");
        assertThat(alice.get("/api/subscriptions/" + jonass)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("DELETED");
    }
}
