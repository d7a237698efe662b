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
 * Every path of subscription-takeover.bpmn through Tasklist in Chromium, against the packaged jar
 * with fresh demo data, as bill (Billing administrator): move (with and without a seat shortage),
 * cancel within and after the cancellation window, back out. The subscription is chosen from the
 * live list of the first task, never typed as an id.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TakeoverTasklistIT {

    private static final String MY_TASKS = "My tasks";

    private static DemoInBrowser demo;
    private static Api alice;

    @BeforeAll
    static void start() {
        demo = DemoInBrowser.start("takeovers");
        alice = demo.api().as("alice");
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    /** The self-service subscription {@code purchaser} bought of {@code productId}. */
    private static JsonNode boughtBy(String purchaser, String productId) {
        return StreamSupport.stream(
                        alice.get("/api/subscriptions?kind=self-service&productId=" + productId)
                                .json()
                                .spliterator(),
                        false)
                .filter(s -> s.path("purchaser").path("id").asText().equals(purchaser))
                .findFirst()
                .orElseThrow();
    }

    private static long boughtCentral(String productId) {
        return alice.get("/api/subscriptions?kind=central&productId=" + productId)
                .json()
                .get(0)
                .path("id")
                .asLong();
    }

    /** bill starts a takeover and picks the subscription whose label starts with {@code label}. */
    private Tasklist takeOver(String label) {
        Tasklist bill = demo.tasklist("bill");
        bill.startForm("Take over a self-service subscription").start();
        bill.open(MY_TASKS, "Choose the subscription to take over");
        bill.select("Subscription", label);
        bill.complete();
        return bill;
    }

    private static JsonNode awaitTakeover(long subscription, String status) {
        JsonNode takeover = Eventually.get(
                Duration.ofSeconds(60),
                () -> alice.get("/api/subscriptions/" + subscription + "/takeover")
                        .json(),
                t -> t.path("status").asText().equals(status));
        assertThat(takeover.path("status").asText()).as(takeover.toString()).isEqualTo(status);
        return takeover;
    }

    @Test
    @Order(1)
    void movingTheUsersToACentralSubscription() {
        long emmas = boughtBy("emma", "POWER_BI_PRO").path("id").asLong();
        try (Tasklist bill = demo.tasklist("bill")) {
            bill.startForm("Take over a self-service subscription");
            assertThat(bill.page().getByLabel("Subscription id").count())
                    .as("no id to type")
                    .isZero();
            bill.start();
            bill.open(MY_TASKS, "Choose the subscription to take over");
            bill.select("Subscription", "Power BI Pro bought by Emma de Vries: 3 of 3 seats used");
            bill.screenshot("choose-subscription-to-take-over");
            bill.complete();

            bill.open(MY_TASKS, "Choose takeover action");
            assertThat(bill.text())
                    .contains("Power BI Pro, bought self-service by Emma de Vries", "3 licensed users")
                    .doesNotContain("/api/");
            bill.check("Move the users to another subscription, then cancel this one");
            bill.screenshot("choose-takeover-action");
            bill.complete();

            bill.open(MY_TASKS, "Select target subscription");
            bill.select("Move the users to", "Power BI Pro: 4 of 5 seats free");
            bill.screenshot("select-target-subscription");
            bill.complete();
        }
        JsonNode moved = awaitTakeover(emmas, "MOVED");
        assertThat(moved.path("usersMoved").asInt()).isEqualTo(3);
        assertThat(alice.get("/api/subscriptions/" + emmas)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("DELETED");
        assertThat(alice.get("/api/users/noah/licenses").json())
                .anyMatch(l -> l.path("subscriptionId").asLong() == boughtCentral("POWER_BI_PRO"));
        // The job executor mails emma once the move has committed.
        JsonNode sent = Eventually.get(
                Duration.ofSeconds(30),
                () -> alice.get("/api/notifications?status=sent&subscriptionId=" + emmas)
                        .json(),
                s -> !s.isEmpty());
        assertThat(sent)
                .extracting(n -> n.path("subject").asText())
                .containsExactly("Your Power BI Pro subscription was cancelled: its users were moved");
    }

    @Test
    @Order(2)
    void movingWithTooFewSeatsBuysTheMissingOnes() {
        Api.Response bought = demo.api()
                .as("lotte")
                .post(
                        "/api/self-service/purchases",
                        "{\"productId\":\"POWER_BI_PRO\",\"quantity\":3,\"assignTo\":[\"lotte\",\"bram\",\"milan\"]}");
        assertThat(bought.status()).as(bought.body()).isLessThan(300);
        long lottes = boughtBy("lotte", "POWER_BI_PRO").path("id").asLong();

        try (Tasklist bill = takeOver("Power BI Pro bought by Lotte Brouwer")) {
            bill.open(MY_TASKS, "Choose takeover action")
                    .check("Move the users to another subscription, then cancel this one")
                    .complete();
            // The central subscription has 1 seat left after the first move.
            bill.open(MY_TASKS, "Select target subscription")
                    .select("Move the users to", "Power BI Pro: 1 of 5 seats free")
                    .complete();
            bill.open(MY_TASKS, "Resolve seat shortage");
            assertThat(bill.text()).contains("has too few seats", "Buy at least 2 more seats");
            bill.check("Buying more seats on the subscription below");
            bill.screenshot("resolve-takeover-seat-shortage");
            bill.complete();
        }
        assertThat(awaitTakeover(lottes, "MOVED").path("usersMoved").asInt()).isEqualTo(3);
    }

    @Test
    @Order(3)
    void cancellingWithinTheCancellationWindowEndsItAtOnce() {
        long jonass = boughtBy("jonas", "POWER_BI_PRO").path("id").asLong();
        try (Tasklist bill = takeOver("Power BI Pro bought by Jonas van Dijk")) {
            bill.open(MY_TASKS, "Choose takeover action")
                    .check("Cancel this subscription: its users lose access")
                    .complete();
            bill.open(MY_TASKS, "Confirm cancellation");
            bill.expectText("The cancellation window is open until");
            bill.check("Cancel the subscription");
            bill.expectText("Choose why the subscription is cancelled.");
            bill.select("Reason for cancelling", "Too expensive");
            bill.check("Are you sure? Yes, cancel this subscription: its users lose access");
            bill.screenshot("confirm-cancellation");
            bill.complete();
        }
        awaitTakeover(jonass, "CANCELLED");
        JsonNode subscription = alice.get("/api/subscriptions/" + jonass).json();
        assertThat(subscription.path("status").asText()).isEqualTo("DELETED");
    }

    @Test
    @Order(4)
    void cancellingAfterTheWindowSwitchesBillingOffUntilTheTermEnds() {
        long mias = boughtBy("mia", "VISIOCLIENT").path("id").asLong();
        try (Tasklist bill = takeOver("Visio Plan 2 bought by Mia Peters")) {
            bill.open(MY_TASKS, "Choose takeover action")
                    .check("Cancel this subscription: its users lose access")
                    .complete();
            bill.open(MY_TASKS, "Confirm cancellation");
            assertThat(bill.text()).contains("The cancellation window ended on", "switches recurring billing off");
            bill.check("Cancel the subscription")
                    .select("Reason for cancelling", "Not needed anymore")
                    .check("Are you sure? Yes, cancel this subscription: its users lose access");
            bill.complete();
        }
        awaitTakeover(mias, "ENDING_AT_TERM");
        JsonNode subscription = alice.get("/api/subscriptions/" + mias).json();
        assertThat(subscription.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(subscription.path("recurringBilling").asBoolean()).isFalse();
    }

    @Test
    @Order(5)
    void backingOutChangesNothing() {
        JsonNode before = boughtBy("daan", "PROJECTPROFESSIONAL");
        long daans = before.path("id").asLong();
        try (Tasklist bill = takeOver("Project Plan 3 bought by Daan Meijer")) {
            bill.open(MY_TASKS, "Choose takeover action")
                    .check("Cancel this subscription: its users lose access")
                    .complete();
            bill.open(MY_TASKS, "Confirm cancellation")
                    .check("Back out: leave the subscription as it is")
                    .complete();
        }
        awaitTakeover(daans, "BACKED_OUT");
        JsonNode after = alice.get("/api/subscriptions/" + daans).json();
        assertThat(after.path("status").asText())
                .isEqualTo(before.path("status").asText());
        assertThat(after.path("recurringBilling")).isEqualTo(before.path("recurringBilling"));
        // The lock is released: the subscription is on the list again.
        try (Tasklist bill = demo.tasklist("bill")) {
            bill.startForm("Take over a self-service subscription").start();
            bill.open(MY_TASKS, "Choose the subscription to take over");
            bill.page().locator(".fjs-form-field-select input.fjs-input").click();
            assertThat(bill.page().locator(".fjs-dropdownlist-item").allTextContents())
                    .anyMatch(label -> label.startsWith("Project Plan 3 bought by Daan Meijer"));
        }
    }
}
