package com.licenseflow.centralization;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.GLOBAL_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static com.licenseflow.support.Api.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.inventory.subscription.SubscriptionStatus;
import com.licenseflow.shared.Words;
import com.licenseflow.support.Api;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * S5: POST /api/centralizations, GET /api/centralizations/{id} and the purchaser's
 * POST /api/subscriptions/{id}/cancel: status codes, messages, progress.
 */
@IntegrationTest
class CentralizationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessDriver driver;

    @Autowired
    RuntimeService runtime;

    @Autowired
    Clock clock;

    Product product;
    DirectoryUser purchaser;
    List<String> users;
    long central;
    Api asBilling;

    @BeforeEach
    void setUp() {
        product = fixtures.product(SelfServicePolicy.ENABLED, 2);
        purchaser = fixtures.member();
        users = new ArrayList<>(List.of(purchaser.id()));
        users.addAll(fixtures.members(2));
        central = fixtures.central(product, 10);
        asBilling = Api.at(port).as(fixtures.admin(BILLING_ADMIN).id());
    }

    /** Bought three days ago: inside its seven-day cancellation window, so cancelling ends it at once. */
    private long selfService() {
        long id = fixtures.selfService(
                product, purchaser.id(), 5, LocalDate.now(clock).minusDays(3), 7);
        fixtures.license(id, users);
        return id;
    }

    @Test
    void aBillingAdminStartsACampaignFollowsItAndThePurchaserCancelsThroughTheApi() {
        long subscription = selfService();

        Api.Response started = asBilling.post("/api/centralizations", "{\"product\":\"" + product.name() + "\"}");

        assertThat(started.status()).as(started.body()).isEqualTo(201);
        JsonNode campaign = started.json();
        long id = campaign.path("id").asLong();
        assertThat(started.header("Location")).endsWith("/api/centralizations/" + id);
        assertThat(campaign.path("status").asText()).isEqualTo("PLANNING");
        assertThat(campaign.path("productId").asText()).isEqualTo(product.id());
        assertThat(campaign.path("usersFound").asInt()).isEqualTo(3);
        assertThat(campaign.path("subscriptionsTotal").asInt()).isEqualTo(1);
        assertThat(campaign.path("subscriptions").get(0).path("purchaserId").asText())
                .isEqualTo(purchaser.id());
        String pi = campaign.path("processInstanceId").asText();

        String admin = campaign.path("startedBy").asText();
        driver.complete(
                admin,
                driver.task(pi, "Activity_PlanCentralization"),
                Map.of("planDecision", "useExistingSeats", "centralSubscriptionId", String.valueOf(central)));
        driver.runJob(pi, "Activity_AssignNextChunk");
        driver.runDueJobs(pi);

        JsonNode waiting = asBilling.get("/api/centralizations/" + id).json();
        assertThat(waiting.path("status").asText()).isEqualTo("WAITING");
        assertThat(waiting.path("usersCentralized").asInt()).isEqualTo(3);
        assertThat(waiting.path("progress").asText())
                .isEqualTo("0 of 1 subscriptions cancelled, 3 of 3 users centralized");
        assertThat(waiting.path("yearlySavings").decimalValue()).isEqualByComparingTo("216.00");
        assertThat(waiting.path("subscriptions").get(0).path("deadline").asText())
                .isNotBlank();

        refused(
                asBilling.post("/api/subscriptions/" + subscription + "/cancel", ""),
                403,
                "NOT_THE_PURCHASER",
                "Only the person who bought this");
        Api.Response cancelled = Api.at(port)
                .as(purchaser.id())
                .post("/api/subscriptions/" + subscription + "/cancel", "{\"reason\":\"Centralized\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo(SubscriptionStatus.DELETED.name());
        driver.runDueJobs(pi);

        JsonNode done = asBilling.get("/api/centralizations/" + id).json();
        assertThat(done.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.path("subscriptionsCancelled").asInt()).isEqualTo(1);
        assertThat(done.path("subscriptions").get(0).path("outcome").asText()).isEqualTo("CANCELLED_BY_PURCHASER");
        assertThat(done.path("finishedAt").asText()).isNotBlank();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count())
                .isZero();
    }

    @Test
    void refusedStartsAreProblemDetailsAndStartNothing() {
        Product notBought = fixtures.product(SelfServicePolicy.ENABLED, 1);
        long instances = runtime.createProcessInstanceQuery()
                .processDefinitionKey("license-centralization")
                .count();
        String before = fixtures.snapshot();

        refused(
                asBilling.post("/api/centralizations", "{\"product\":\"Nope\"}"),
                404,
                "UNKNOWN_PRODUCT",
                "There is no product 'Nope'");
        refused(asBilling.post("/api/centralizations", "{}"), 422, "INVALID_INPUT", "Name the product to centralize");
        refused(
                asBilling.post("/api/centralizations", "{\"product\":\"" + notBought.id() + "\"}"),
                409,
                "NO_SELF_SERVICE_PURCHASES",
                "there is nothing to centralize");
        refused(
                Api.at(port)
                        .as(fixtures.admin(LICENSE_ADMIN).id())
                        .post("/api/centralizations", "{\"product\":\"" + notBought.id() + "\"}"),
                403,
                "ADMIN_ROLE_REQUIRED",
                "Billing administrator");
        assertThat(Api.at(port).post("/api/centralizations", "{}").status()).isEqualTo(401);
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey("license-centralization")
                        .count())
                .isEqualTo(instances);
        assertThat(fixtures.snapshot()).isEqualTo(before);

        selfService();
        long id = asBilling
                .post("/api/centralizations", "{\"product\":\"" + product.id() + "\"}")
                .json()
                .path("id")
                .asLong();
        refused(
                Api.at(port)
                        .as(fixtures.admin(GLOBAL_ADMIN).id())
                        .post("/api/centralizations", "{\"product\":\"" + product.id() + "\"}"),
                409,
                "CENTRALIZATION_RUNNING",
                "already being centralized");
        refused(asBilling.get("/api/centralizations/987654321"), 404, "UNKNOWN_CENTRALIZATION", "no centralization");
        refused(
                Api.at(port).as(purchaser.id()).get("/api/centralizations/" + id),
                403,
                "ADMIN_ROLE_REQUIRED",
                "follow centralizations");
    }

    @Test
    void aPurchaserCancelsWithoutACampaignAndTheUsersKeepTheirMailboxData() {
        long subscription = selfService();
        DirectoryUser other = fixtures.member();

        refused(
                Api.at(port).as(other.id()).post("/api/subscriptions/" + subscription + "/cancel", ""),
                403,
                "NOT_THE_PURCHASER",
                "Only the person who bought this");
        refused(
                Api.at(port).as(purchaser.id()).post("/api/subscriptions/987654321/cancel", ""),
                404,
                "UNKNOWN_SUBSCRIPTION",
                "no subscription 987654321");
        refused(
                Api.at(port).as(purchaser.id()).post("/api/subscriptions/" + central + "/cancel", ""),
                409,
                "SUBSCRIPTION_NOT_SELF_SERVICE",
                "central subscription");

        Api.Response cancelled =
                Api.at(port).as(purchaser.id()).post("/api/subscriptions/" + subscription + "/cancel", "");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("DELETED");
        assertThat(fixtures.holders(subscription)).isEmpty();
        assertThat(fixtures.subscription(subscription).assignedSeats()).isZero();
        assertThat(fixtures.auditRows("LICENSE_UNASSIGNED", users.get(1))).isEqualTo(1);
        JsonNode removed = asBilling
                .get("/api/users/" + users.get(1) + "/licenses?includeRemoved=true")
                .json();
        assertThat(removed.get(0).path("mailboxDataKeptUntil").asText())
                .isEqualTo(LocalDate.now(clock).plusDays(30).toString());
        refused(
                Api.at(port).as(purchaser.id()).post("/api/subscriptions/" + subscription + "/cancel", ""),
                409,
                "SUBSCRIPTION_NOT_USABLE",
                "already cancelled");
    }

    @Test
    void aPurchaserCancellingAfterTheWindowStopsBillingAndKeepsTheUsersUntilTheTermEnds() {
        LocalDate termStart = LocalDate.now(clock).minusDays(30);
        long subscription = fixtures.selfService(product, purchaser.id(), 5, termStart, 7);
        fixtures.license(subscription, users);

        Api.Response cancelled =
                Api.at(port).as(purchaser.id()).post("/api/subscriptions/" + subscription + "/cancel", "");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(cancelled.json().path("recurringBilling").asBoolean()).isFalse();
        assertThat(cancelled.json().path("expiresOn").asText())
                .isEqualTo(termStart.plusYears(1).toString());
        assertThat(fixtures.holders(subscription)).hasSameSizeAs(users);
        refused(
                Api.at(port).as(purchaser.id()).post("/api/subscriptions/" + subscription + "/cancel", ""),
                409,
                "SUBSCRIPTION_NOT_USABLE",
                "already cancelled: it ends at the end of its term, on " + Words.day(termStart.plusYears(1)));
    }

    @Test
    void aSubscriptionBeingTakenOverCannotBeCancelledByItsPurchaser() {
        long subscription = selfService();
        assertThat(asBilling
                        .post("/api/subscriptions/" + subscription + "/takeover", "")
                        .status())
                .isEqualTo(201);

        refused(
                Api.at(port).as(purchaser.id()).post("/api/subscriptions/" + subscription + "/cancel", ""),
                409,
                "TAKEOVER_RUNNING",
                "An administrator has been taking over this");
        assertThat(fixtures.subscription(subscription).status()).isEqualTo(SubscriptionStatus.ACTIVE);
    }
}
