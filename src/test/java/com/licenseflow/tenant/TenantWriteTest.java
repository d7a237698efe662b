package com.licenseflow.tenant;

import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.support.Api;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.GraphStandIn;
import com.licenseflow.support.GraphTenant;
import com.licenseflow.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * License changes made in LicenseFlow reach the connected tenant: through the API (the door an admin uses), the
 * ledger records each for the tenant, and the writer sends them to a Graph stand-in that keeps a tenant's licenses
 * and seats and answers as Graph does. Asserted on what the tenant ends up with and what it was sent, as well as on
 * LicenseFlow's side: pending until confirmed, refusals undone and put before an admin in words.
 */
@IntegrationTest
class TenantWriteTest {

    private static final GraphTenant TENANT = new GraphTenant();
    private static final GraphStandIn GRAPH = GraphStandIn.start(TENANT);

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TenantWriter writer;

    @Autowired
    LicenseLedger ledger;

    @Autowired
    org.springframework.transaction.support.TransactionOperations transactions;

    @Autowired
    StandInConnection standIn;

    Api admin;
    Product product;
    String sku;
    /** The product's three plans' Microsoft ids, by LicenseFlow's plan id. */
    Map<String, String> planGuids;

    @BeforeEach
    void connectToTheStandIn() {
        standIn.connect(GRAPH);
        admin = Api.at(port).as(fixtures.admin(LICENSE_ADMIN).id());
        product = fixtures.product();
        sku = UUID.randomUUID().toString();
        catalog.changeSkuId(product.id(), sku);
        planGuids = product.servicePlans().stream().collect(Collectors.toMap(p -> p.id(), p -> {
            String guid = UUID.randomUUID().toString();
            jdbc.sql("update service_plan set guid = ? where id = ?")
                    .params(guid, p.id())
                    .update();
            return guid;
        }));
    }

    @AfterEach
    void disconnect() {
        standIn.disconnect();
    }

    @AfterAll
    static void stopTheStandIn() {
        GRAPH.close();
    }

    private void assign(List<String> users, String... disabledPlans) {
        String ids = users.stream().map(u -> "\"" + u + "\"").collect(Collectors.joining(","));
        String plans =
                java.util.Arrays.stream(disabledPlans).map(p -> "\"" + p + "\"").collect(Collectors.joining(","));
        Api.Response assigned = admin.post(
                "/api/licenses/" + product.id() + "/assignments",
                "{\"userIds\":[" + ids + "],\"disabledServicePlans\":[" + plans + "],\"reason\":\"new team\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
    }

    private JsonNode license(String user) {
        JsonNode all = admin.get("/api/users/" + user + "/licenses").json();
        return StreamSupport.stream(all.spliterator(), false)
                .filter(l -> l.path("productId").asText().equals(product.id()))
                .findFirst()
                .orElse(null);
    }

    private String stateOf(String user) {
        JsonNode license = license(user);
        return license == null ? "no license" : license.path("inMicrosoft365").asText();
    }

    /** The users Graph was asked to change, one entry per request it received. */
    private List<String> usersSent() {
        return TENANT.received().stream()
                .map(r -> r.path("url").asText().replaceAll("^/users/|/assignLicense$", ""))
                .map(u -> java.net.URLDecoder.decode(u, java.nio.charset.StandardCharsets.UTF_8))
                .toList();
    }

    private String emailOf(String user) {
        return user + "@test.example";
    }

    @Test
    void licenseChangesReachTheTenantInBatchesOfTwentyAndArePendingUntilGraphConfirmsThem() {
        TENANT.seats(sku, 100);
        long central = fixtures.central(product, 30);
        List<String> users = fixtures.members(25);
        String off = product.servicePlans().get(0).id();
        assign(users.subList(0, 20), off);
        assign(users.subList(20, 25));
        assertThat(stateOf(users.get(0))).isEqualTo("Pending in Microsoft 365");
        assertThat(TENANT.received())
                .as("nothing is sent in the request's own transaction")
                .isEmpty();

        TenantWriter.Written written = writer.writeDue(Duration.ZERO);

        assertThat(written.batches()).isEqualTo(2);
        assertThat(written.applied()).isEqualTo(25);
        assertThat(TENANT.licensesOf(emailOf(users.get(0)))).isEqualTo(Map.of(sku, List.of(planGuids.get(off))));
        assertThat(TENANT.licensesOf(emailOf(users.get(24)))).isEqualTo(Map.of(sku, List.of()));
        assertThat(usersSent()).hasSize(25).doesNotHaveDuplicates();
        assertThat(TENANT.received().get(0).path("method").asText()).isEqualTo("POST");
        assertThat(TENANT.received()
                        .get(0)
                        .path("body")
                        .path("addLicenses")
                        .get(0)
                        .path("skuId")
                        .asText())
                .isEqualTo(sku);
        assertThat(stateOf(users.get(0))).isEqualTo("In Microsoft 365");
        assertThat(fixtures.subscription(central).assignedSeats()).isEqualTo(25);

        // An app switched back on, a license removed: both reach the tenant, each user's changes in order.
        Api.Response plans = admin.put(
                "/api/users/" + users.get(0) + "/licenses/" + product.id() + "/service-plans",
                "{\"disabledServicePlans\":[]}");
        assertThat(plans.status()).as(plans.body()).isEqualTo(200);
        assertThat(admin.delete("/api/users/" + users.get(1) + "/licenses/" + product.id())
                        .status())
                .isEqualTo(200);
        assign(List.of(users.get(1)));
        assertThat(admin.delete("/api/users/" + users.get(1) + "/licenses/" + product.id())
                        .status())
                .isEqualTo(200);
        TENANT.forgetReceived();

        written = writer.writeDue(Duration.ZERO);

        assertThat(written.applied()).isEqualTo(4);
        assertThat(written.batches())
                .as("a user's next change waits for the one before")
                .isEqualTo(3);
        assertThat(TENANT.licensesOf(emailOf(users.get(0)))).isEqualTo(Map.of(sku, List.of()));
        assertThat(TENANT.licensesOf(emailOf(users.get(1)))).isEmpty();
        assertThat(usersSent())
                .containsExactly(
                        emailOf(users.get(0)), emailOf(users.get(1)), emailOf(users.get(1)), emailOf(users.get(1)));
        assertThat(writer.writeDue(Duration.ZERO).batches())
                .as("nothing left to send")
                .isZero();
    }

    @Test
    void graphsThrottlingInsideABatchIsWaitedOutAsItsRetryAfterSays() {
        TENANT.seats(sku, 10);
        fixtures.central(product, 10);
        List<String> users = fixtures.members(5);
        assign(users);
        TENANT.throttleNext(2, 1);

        TenantWriter.Written written = writer.writeDue(Duration.ofSeconds(10));

        assertThat(written.applied()).isEqualTo(5);
        assertThat(written.later())
                .as("the two throttled requests, sent again after Retry-After")
                .isEqualTo(2);
        assertThat(usersSent()).hasSize(7);
        users.forEach(u -> assertThat(TENANT.licensesOf(emailOf(u))).containsOnlyKeys(sku));
        users.forEach(u -> assertThat(stateOf(u)).isEqualTo("In Microsoft 365"));
    }

    @Test
    void aBatchWhoseAnswerIsLostIsSentAgainAndTheTenantEndsAsWantedWithNothingTwice() {
        TENANT.seats(sku, 10);
        long central = fixtures.central(product, 10);
        List<String> users = fixtures.members(3);
        assign(users.subList(0, 2));
        writer.writeDue(Duration.ZERO);
        assertThat(admin.delete("/api/users/" + users.get(0) + "/licenses/" + product.id())
                        .status())
                .isEqualTo(200);
        assign(List.of(users.get(2)));
        TENANT.forgetReceived();
        TENANT.loseNextAnswer();

        TenantWriter.Written written = writer.writeDue(Duration.ofSeconds(10));

        assertThat(written.applied()).isEqualTo(2);
        assertThat(TENANT.received())
                .extracting(r -> r.path("method").asText())
                .as("sent, the answer lost, read back instead of sent again")
                .containsExactly("POST", "POST", "GET", "GET");
        assertThat(TENANT.licensesOf(emailOf(users.get(0)))).isEmpty();
        assertThat(TENANT.licensesOf(emailOf(users.get(1)))).containsOnlyKeys(sku);
        assertThat(TENANT.licensesOf(emailOf(users.get(2)))).containsOnlyKeys(sku);
        assertThat(stateOf(users.get(2))).isEqualTo("In Microsoft 365");
        assertThat(fixtures.subscription(central).assignedSeats()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from tenant_change where user_id in (:u) and state <> 'APPLIED'")
                        .param("u", users)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void everyRefusalIsUndoneInLicenseFlowAndPutBeforeAnAdminInWords() {
        TENANT.seats(sku, 1);
        long central = fixtures.central(product, 10);
        List<String> users = fixtures.members(5);
        TENANT.refuse(emailOf(users.get(2)), "MutuallyExclusiveViolation");
        TENANT.refuse(emailOf(users.get(3)), "ProhibitedInUsageLocationViolation");
        TENANT.refuse(emailOf(users.get(4)), "DependencyViolation");
        assign(users);
        assertThat(fixtures.subscription(central).assignedSeats()).isEqualTo(5);

        TenantWriter.Written written = writer.writeDue(Duration.ZERO);

        assertThat(written.applied()).isEqualTo(1);
        assertThat(written.refused()).isEqualTo(4);
        assertThat(TENANT.licensesOf(emailOf(users.get(0)))).containsOnlyKeys(sku);
        assertThat(stateOf(users.get(0))).isEqualTo("In Microsoft 365");
        for (String refused : users.subList(1, 5)) {
            assertThat(license(refused)).as("undone in LicenseFlow").isNull();
            assertThat(fixtures.auditRows("TENANT_REFUSED_CHANGE", refused)).isOne();
        }
        assertThat(fixtures.subscription(central).assignedSeats())
                .as("the refused users' seats back")
                .isEqualTo(1);

        Task task = engine.getTaskService()
                .createTaskQuery()
                .processDefinitionKey(LicenseChangeRefusals.KEY)
                .taskCandidateGroup("license-admins")
                .orderByTaskCreateTime()
                .desc()
                .list()
                .get(0);
        assertThat(task.getName()).isEqualTo("Resolve refused license change");
        String summary = String.valueOf(
                engine.getFormService().getTaskFormVariables(task.getId()).getValue("refusalSummary", Object.class));
        assertThat(summary)
                .contains("Microsoft 365 has no " + product.name() + " license left for "
                        + fixtures.userName(users.get(1)))
                .contains(fixtures.userName(users.get(2)) + " has a license whose apps and services cannot be combined")
                .contains(fixtures.userName(users.get(3)) + " has no usage location in Microsoft 365")
                .contains(
                        "CountViolation",
                        "MutuallyExclusiveViolation",
                        "DependencyViolation",
                        "ProhibitedInUsageLocationViolation")
                .doesNotContain(users.get(1) + "@");
        assertThat(writer.writeDue(Duration.ZERO).batches())
                .as("a refusal is not sent again")
                .isZero();
    }

    /** Two users of another product (in the tenant already) moved to this one, as a takeover does; the old SKU. */
    private String twoUsersMovedToTheProduct(List<String> users) {
        Product old = fixtures.product();
        String oldSku = UUID.randomUUID().toString();
        catalog.changeSkuId(old.id(), oldSku);
        TENANT.seats(oldSku, 10);
        TENANT.seats(sku, 10);
        long from = fixtures.central(old, 5);
        long target = fixtures.central(product, 5);
        Api.Response assigned = admin.post(
                "/api/licenses/" + old.id() + "/assignments",
                "{\"userIds\":[\"" + users.get(0) + "\",\"" + users.get(1) + "\"],\"reason\":\"test\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        writer.writeDue(Duration.ZERO);
        var starter = fixtures.admin(LICENSE_ADMIN);
        long takeover = jdbc.sql("""
                        insert into subscription_takeover (subscription_id, running_subscription_id, started_by, started_at,
                                                           status, action, target_subscription_id)
                        values (?, ?, ?, current_timestamp, 'MOVING', 'MOVE', ?)""").params(from, from, starter.id(), target).update() > 0
                ? jdbc.sql("select max(id) from subscription_takeover")
                        .query(Long.class)
                        .single()
                : 0;
        ChangeContext context = ChangeContext.byUser(fixtures.actor(starter), "taken over");
        transactions.executeWithoutResult(status -> {
            ledger.reserveSeats(context, target, product.id(), 2, "for the move");
            ledger.move(
                    context,
                    new LicenseLedger.LicenseMove(
                            LicenseLedger.MovedBy.TAKEOVER,
                            takeover,
                            "a.subscription_id = :from",
                            Map.of("from", from),
                            from,
                            target,
                            product.id(),
                            Map.of(),
                            false,
                            ledger.dataKeptUntil(),
                            "moved: ",
                            "moved away: "));
        });
        return oldSku;
    }

    @Test
    void aUserMovedToAnotherProductGetsTheNewLicenseAndLosesTheOldOneInOneRequest() {
        List<String> users = fixtures.members(2);
        String oldSku = twoUsersMovedToTheProduct(users);
        TENANT.forgetReceived();

        assertThat(writer.writeDue(Duration.ZERO).applied()).isEqualTo(2);

        assertThat(TENANT.received()).hasSize(2).allSatisfy(request -> {
            assertThat(request.path("body")
                            .path("addLicenses")
                            .get(0)
                            .path("skuId")
                            .asText())
                    .isEqualTo(sku);
            assertThat(request.path("body").path("removeLicenses").get(0).asText())
                    .isEqualTo(oldSku);
        });
        users.forEach(u -> assertThat(TENANT.licensesOf(emailOf(u))).containsOnlyKeys(sku));
    }

    @Test
    void aProductMicrosoft365DoesNotKnowIsRefusedUpFrontWithNothingChanged() {
        Product unknown = fixtures.product();
        long central = fixtures.central(unknown, 5);
        String user = fixtures.member().id();
        Api.Response assigned = admin.post(
                "/api/licenses/" + unknown.id() + "/assignments",
                "{\"userIds\":[\"" + user + "\"],\"reason\":\"test\"}");

        assertThat(assigned.status()).isEqualTo(409);
        assertThat(assigned.json().path("detail").asText())
                .contains("Microsoft 365 does not know " + unknown.name(), "Import Microsoft's product catalog");
        assertThat(fixtures.holds(user, unknown.id())).isFalse();
        assertThat(fixtures.subscription(central).assignedSeats()).isZero();
        assertThat(jdbc.sql("select count(*) from tenant_change where user_id = ?")
                        .param(user)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(writer.writeDue(Duration.ZERO).batches()).isZero();
        assertThat(TENANT.received()).isEmpty();
    }

    @Test
    void anAppMicrosoft365DoesNotKnowIsRefusedUpFrontWithNothingChanged() {
        long central = fixtures.central(product, 5);
        String user = fixtures.member().id();
        String teams = product.servicePlans().get(1).id();
        jdbc.sql("update service_plan set guid = null where id = ?")
                .param(teams)
                .update();

        Api.Response assigned = admin.post(
                "/api/licenses/" + product.id() + "/assignments",
                "{\"userIds\":[\"" + user + "\"],\"disabledServicePlans\":[\"" + teams + "\"],\"reason\":\"x\"}");

        assertThat(assigned.status()).isEqualTo(409);
        assertThat(assigned.json().path("detail").asText())
                .contains(
                        "Microsoft 365 does not know "
                                + product.servicePlans().get(1).name() + " of " + product.name(),
                        "Leave it on");
        assertThat(fixtures.holds(user, product.id())).isFalse();
        assertThat(fixtures.subscription(central).assignedSeats()).isZero();
        assertThat(writer.writeDue(Duration.ZERO).batches()).isZero();
    }

    @Test
    void aMoveWhoseAnswerWasLostIsReadBackAndNotTakenForARefusal() {
        List<String> users = fixtures.members(2);
        String oldSku = twoUsersMovedToTheProduct(users);
        TENANT.forgetReceived();
        TENANT.loseNextAnswer();

        TenantWriter.Written written = writer.writeDue(Duration.ofSeconds(10));

        assertThat(written.applied()).isEqualTo(2);
        assertThat(written.refused()).isZero();
        assertThat(TENANT.received())
                .extracting(r -> r.path("method").asText() + " "
                        + r.path("url").asText().replaceAll("/users/[^/?]+", "/users/x"))
                .as("moved, the answer lost; read back, not moved again (its old license is gone: Graph would refuse)")
                .containsExactly(
                        "POST /users/x/assignLicense",
                        "POST /users/x/assignLicense",
                        "GET /users/x?$select=id,assignedLicenses",
                        "GET /users/x?$select=id,assignedLicenses");
        users.forEach(u -> {
            assertThat(TENANT.licensesOf(emailOf(u))).containsOnlyKeys(sku);
            assertThat(stateOf(u)).isEqualTo("In Microsoft 365");
            assertThat(fixtures.auditRows("TENANT_REFUSED_CHANGE", u)).isZero();
        });
        assertThat(oldSku).isNotEqualTo(sku);
    }

    @Test
    void removingTheLicenseOfAUserDeletedInTheTenantIsDoneNotRefused() {
        TENANT.seats(sku, 10);
        fixtures.central(product, 5);
        String user = fixtures.member().id();
        assign(List.of(user));
        writer.writeDue(Duration.ZERO);
        TENANT.delete(emailOf(user));
        assertThat(admin.delete("/api/users/" + user + "/licenses/" + product.id())
                        .status())
                .isEqualTo(200);

        TenantWriter.Written written = writer.writeDue(Duration.ZERO);

        assertThat(written.applied()).isOne();
        assertThat(written.refused()).isZero();
        assertThat(fixtures.holds(user, product.id())).as("not held again").isFalse();
        assertThat(fixtures.auditRows("TENANT_REFUSED_CHANGE", user)).isZero();
    }

    @Test
    void aUsageLocationSetInLicenseFlowReachesTheTenantBeforeTheLicenseThatNeedsIt() {
        TENANT.seats(sku, 10);
        fixtures.central(product, 5);
        String user = fixtures.member().id();
        Api.Response changed = admin.patch("/api/users/" + user, "{\"usageLocation\":\"SE\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assign(List.of(user));

        writer.writeDue(Duration.ofSeconds(5));

        assertThat(TENANT.usageLocationOf(emailOf(user))).isEqualTo("SE");
        assertThat(TENANT.received())
                .extracting(r -> r.path("method").asText() + " "
                        + r.path("url").asText().replaceAll("/users/[^/?]+", "/users/x"))
                .containsExactly("PATCH /users/x", "POST /users/x/assignLicense");
        assertThat(TENANT.received().get(0).path("body").path("usageLocation").asText())
                .isEqualTo("SE");
        assertThat(stateOf(user)).isEqualTo("In Microsoft 365");
    }

    @Test
    void aWriterThatStopsGivesItsLeaseBackSoTheNextNodeSendsAtOnce() {
        TENANT.seats(sku, 10);
        fixtures.central(product, 5);
        assign(List.of(fixtures.member().id()));
        writer.writeDue(Duration.ZERO);
        assertThat(jdbc.sql("select holder from tenant_writer_lease")
                        .query(String.class)
                        .optional())
                .isPresent();

        writer.stop();

        assertThat(jdbc.sql("select holder from tenant_writer_lease")
                        .query(String.class)
                        .optional())
                .as("given back")
                .isEmpty();
        assertThat(jdbc.sql("update tenant_writer_lease set holder = 'another-node', held_until = ? "
                                + "where holder is null")
                        .param(java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(120)))
                        .update())
                .as("another node takes it at once")
                .isOne();
        jdbc.sql("update tenant_writer_lease set holder = null, held_until = null")
                .update();
    }

    @Test
    void theWriteBudgetIsTheTenantsSoANodeThatStartsOrTakesOverGoesOnFromWhatWasSent() {
        WriteBudget sender = new WriteBudget(jdbc);
        long batch = sender.sending(20);
        sender.answered(batch);
        sender.quietFor(Duration.ofSeconds(30));

        // A node started after it (or taking over the lease from it when it died) has a budget of its own.
        WriteBudget next = new WriteBudget(jdbc);
        assertThat(next.waitFor(1, 30, Duration.ofSeconds(150)))
                .as("Graph's Retry-After, for every node")
                .isBetween(Duration.ofSeconds(28), Duration.ofSeconds(30));
        jdbc.sql("update tenant_writer_lease set quiet_until = null").update();
        assertThat(next.waitFor(10, 30, Duration.ofSeconds(150)))
                .as("room left in the window")
                .isZero();
        assertThat(next.waitFor(11, 30, Duration.ofSeconds(150)))
                .as("the first batch must leave the window first")
                .isBetween(Duration.ofSeconds(148), WriteBudget.SLACK.plusSeconds(150));
    }

    @Test
    void withoutATenantNothingIsRecordedForOne() {
        standIn.disconnect();
        fixtures.central(product, 5);
        String user = fixtures.member().id();
        assign(List.of(user));
        assertThat(jdbc.sql("select count(*) from tenant_change where user_id = ?")
                        .param(user)
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(license(user).has("inMicrosoft365"))
                .as("no tenant, no tenant state")
                .isFalse();
    }
}
