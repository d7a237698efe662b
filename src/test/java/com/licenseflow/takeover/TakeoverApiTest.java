package com.licenseflow.takeover;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static com.licenseflow.support.Api.refused;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.inventory.subscription.SubscriptionStatus;
import com.licenseflow.support.Api;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** S4: POST /api/subscriptions/{id}/takeover and GET .../takeover: status codes, messages, progress. */
@IntegrationTest
class TakeoverApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessDriver driver;

    @Autowired
    Clock clock;

    Product product;
    DirectoryUser purchaser;
    List<String> users;
    Api asBilling;

    @BeforeEach
    void setUp() {
        product = fixtures.product(SelfServicePolicy.ENABLED, 2);
        purchaser = fixtures.member();
        users = new ArrayList<>(List.of(purchaser.id()));
        users.addAll(fixtures.members(2));
        asBilling = Api.at(port).as(fixtures.admin(BILLING_ADMIN).id());
    }

    private long selfService(int daysAgo) {
        long id = fixtures.selfService(
                product, purchaser.id(), 5, LocalDate.now(clock).minusDays(daysAgo), 7);
        fixtures.license(id, users);
        return id;
    }

    @Test
    void aBillingAdminStartsATakeoverAndFollowsIt() {
        long id = selfService(30);

        Api.Response started = asBilling.post("/api/subscriptions/" + id + "/takeover", "");

        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.header("Location")).endsWith("/api/subscriptions/" + id + "/takeover");
        JsonNode takeover = started.json();
        assertThat(takeover.path("status").asText()).isEqualTo("STARTED");
        assertThat(takeover.path("running").asBoolean()).isTrue();
        assertThat(takeover.path("processInstanceId").asText()).isNotBlank();
        assertThat(asBilling
                        .get("/api/subscriptions/" + id + "/takeover")
                        .json()
                        .path("id")
                        .asLong())
                .isEqualTo(takeover.path("id").asLong());

        refused(
                asBilling.post("/api/subscriptions/" + id + "/takeover", "{}"),
                409,
                "TAKEOVER_RUNNING",
                "already being taken over");
    }

    @Test
    void theMoveShowsItsProgressAndEndsWithTheOldSubscriptionDeleted() {
        long id = selfService(30);
        long target = fixtures.central(product, 10);

        Api.Response started = asBilling.post(
                "/api/subscriptions/" + id + "/takeover",
                "{\"action\":\"move\",\"targetSubscriptionId\":" + target + "}");

        assertThat(started.status()).as(started.body()).isEqualTo(201);
        assertThat(started.json().path("status").asText()).isEqualTo("MOVING");
        assertThat(started.json().path("usersToMove").asInt()).isEqualTo(3);
        assertThat(started.json().path("usersMoved").asInt()).isZero();
        driver.runJob(started.json().path("processInstanceId").asText(), "Activity_MoveNextChunk");

        JsonNode done = asBilling.get("/api/subscriptions/" + id + "/takeover").json();
        assertThat(done.path("status").asText()).isEqualTo("MOVED");
        assertThat(done.path("usersMoved").asInt()).isEqualTo(3);
        assertThat(done.path("running").asBoolean()).isFalse();
        assertThat(asBilling
                        .get("/api/subscriptions/" + id)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("DELETED");
        assertThat(fixtures.holders(target)).containsExactlyInAnyOrderElementsOf(users);
    }

    @Test
    void cancellingInsideTheWindowRemovesLicensesAndShowsUntilWhenMailboxDataIsKept() {
        long id = selfService(1);

        Api.Response cancelled = asBilling.post(
                "/api/subscriptions/" + id + "/takeover", "{\"action\":\"cancel\",\"reason\":\"Bought by mistake\"}");

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(201);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("cancellationReason").asText()).isEqualTo("Bought by mistake");
        JsonNode subscription = asBilling.get("/api/subscriptions/" + id).json();
        assertThat(subscription.path("status").asText()).isEqualTo(SubscriptionStatus.DELETED.name());
        assertThat(subscription.path("assignedUsers")).isEmpty();
        JsonNode licenses = asBilling
                .get("/api/users/" + users.get(1) + "/licenses?includeRemoved=true")
                .json();
        assertThat(licenses).hasSize(1);
        assertThat(licenses.get(0).path("unassignedAt").isMissingNode()).isFalse();
        assertThat(licenses.get(0).path("mailboxDataKeptUntil").asText())
                .isEqualTo(LocalDate.now(clock).plusDays(30).toString());
        assertThat(asBilling.get("/api/users/" + users.get(1) + "/licenses").json())
                .as("A8: no license held")
                .isEmpty();
    }

    @Test
    void refusalsAreProblemDetailsAndStartNothing() {
        long id = selfService(30);
        long central = fixtures.central(product, 3);
        long deleted = fixtures.selfService(
                product, purchaser.id(), 5, LocalDate.now(clock).minusDays(30), 7);
        fixtures.status(deleted, SubscriptionStatus.DELETED);
        Api asLicenseAdmin = Api.at(port).as(fixtures.admin(LICENSE_ADMIN).id());
        String before = fixtures.snapshot();

        refused(
                asLicenseAdmin.post("/api/subscriptions/" + id + "/takeover", ""),
                403,
                "ADMIN_ROLE_REQUIRED",
                "Billing administrator");
        refused(
                Api.at(port).as(purchaser.id()).post("/api/subscriptions/" + id + "/takeover", ""),
                403,
                "ADMIN_ROLE_REQUIRED",
                "take over self-service subscriptions");
        refused(
                asBilling.post("/api/subscriptions/" + central + "/takeover", ""),
                409,
                "SUBSCRIPTION_NOT_SELF_SERVICE",
                "central subscription");
        refused(
                asBilling.post("/api/subscriptions/" + deleted + "/takeover", ""),
                409,
                "SUBSCRIPTION_NOT_USABLE",
                "Deleted");
        refused(
                asBilling.post("/api/subscriptions/987654321/takeover", ""),
                404,
                "UNKNOWN_SUBSCRIPTION",
                "no subscription 987654321");
        refused(
                asBilling.post("/api/subscriptions/" + id + "/takeover", "{\"action\":\"cancel\",\"reason\":\"Meh\"}"),
                422,
                "INVALID_INPUT",
                "not a cancellation reason");
        refused(
                asBilling.get("/api/subscriptions/" + id + "/takeover"),
                404,
                "UNKNOWN_TAKEOVER",
                "has never been taken over");
        assertThat(Api.at(port)
                        .post("/api/subscriptions/" + id + "/takeover", "")
                        .status())
                .isEqualTo(401);
        assertThat(fixtures.snapshot()).isEqualTo(before);
    }
}
