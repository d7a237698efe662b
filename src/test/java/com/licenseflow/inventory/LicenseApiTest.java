package com.licenseflow.inventory;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.GLOBAL_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.directory.UserType;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.support.Api;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The license API as a client sees it: status codes, problem details with the domain's message, no change on refusal. */
@IntegrationTest
class LicenseApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    Clock clock;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    com.licenseflow.support.ProcessDriver driver;

    Api anonymous;
    Api licenseAdmin;
    Api employee;
    DirectoryUser employeeUser;
    Product product;
    long subscription;

    @BeforeEach
    void setUp() {
        anonymous = Api.at(port);
        licenseAdmin = anonymous.as(fixtures.admin(LICENSE_ADMIN).id());
        employeeUser = fixtures.member();
        employee = anonymous.as(employeeUser.id());
        product = fixtures.product();
        subscription = fixtures.central(product, 3);
    }

    private Api.Response refusedWithoutChange(
            Supplier<Api.Response> call, int status, String rule, String... messageParts) {
        String before = fixtures.snapshot();
        Api.Response response = call.get();
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("rule").asText()).isEqualTo(rule);
        assertThat(response.detail()).contains(messageParts);
        assertThat(fixtures.snapshot()).as("nothing changed").isEqualTo(before);
        return response;
    }

    private static String users(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    @Test
    void everyListComesAPageAtATimeWithLinksToTheOtherPagesAndItsFiltersKept() {
        List<DirectoryUser> found = List.of(
                fixtures.user("pagetest", UserType.MEMBER, "FI"),
                fixtures.user("pagetest", UserType.MEMBER, "FI"),
                fixtures.user("pagetest", UserType.GUEST, "FI"));
        Api.Response first = licenseAdmin.get("/api/users?q=PAGETEST&size=2");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("X-Total-Count")).isEqualTo("3");
        assertThat(first.json()).hasSize(2);
        assertThat(first.header("Link"))
                .contains("q=PAGETEST&page=2&size=2>; rel=\"next\"")
                .contains("page=2&size=2>; rel=\"last\"")
                .doesNotContain("rel=\"prev\"");
        Api.Response second = licenseAdmin.get("/api/users?q=PAGETEST&size=2&page=2");
        assertThat(second.json()).hasSize(1);
        assertThat(second.header("Link")).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
        assertThat(licenseAdmin
                        .get("/api/users?q=pagetest&type=guest&usageLocation=fi")
                        .json())
                .extracting(u -> u.path("id").asText())
                .containsExactly(found.get(2).id());

        assertThat(licenseAdmin.get("/api/users?size=501").status()).isEqualTo(422);
        assertThat(licenseAdmin.get("/api/users?page=0").status()).isEqualTo(422);
        assertThat(licenseAdmin.get("/api/users?type=robot").status()).isEqualTo(422);
        assertThat(employee.get("/api/users?q=pagetest").status()).isEqualTo(403);

        licenseAdmin.post(
                "/api/licenses/" + product.id() + "/assignments",
                "{\"userIds\":[\"" + found.get(0).id() + "\",\"" + found.get(1).id() + "\"]}");
        Api.Response holders = licenseAdmin.get("/api/licenses/" + product.id() + "/users?q=pagetest&size=1");
        assertThat(holders.header("X-Total-Count")).isEqualTo("2");
        assertThat(holders.json().get(0).path("userId").asText())
                .isIn(found.get(0).id(), found.get(1).id());
        Api.Response audit =
                licenseAdmin.get("/api/audit?productId=" + product.id() + "&action=license-assigned&size=1");
        assertThat(audit.json()).hasSize(1);
        assertThat(Long.parseLong(audit.header("X-Total-Count"))).isGreaterThanOrEqualTo(2);
        assertThat(audit.json().get(0).path("action").asText()).isEqualTo("LICENSE_ASSIGNED");
    }

    @Test
    void everyApiCallNeedsALogin() {
        Api.Response response = anonymous.get("/api/licenses");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(anonymous.as(employeeUser.id(), "wrong").get("/api/me").status())
                .isEqualTo(401);
        assertThat(anonymous.get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(anonymous.as("alice").get("/engine-rest/task").status()).isEqualTo(200);
    }

    @Test
    void theWrongRoleIsForbiddenWithTheRolesThatWouldDo() {
        refusedWithoutChange(
                () -> employee.get("/api/licenses"), 403, "ADMIN_ROLE_REQUIRED", "may not see the Licenses view");
        refusedWithoutChange(
                () -> employee.post(
                        "/api/licenses/" + product.id() + "/assignments",
                        "{\"userIds\":[\"" + employeeUser.id() + "\"]}"),
                403,
                "ADMIN_ROLE_REQUIRED",
                "License administrator");
        refusedWithoutChange(
                () -> licenseAdmin.put("/api/self-service-policies/" + product.id(), "{\"value\":\"Enabled\"}"),
                403,
                "ADMIN_ROLE_REQUIRED",
                "Billing administrator");
        refusedWithoutChange(
                () -> licenseAdmin.put(
                        "/api/settings/license-requests", "{\"ownRequestProcess\":true,\"message\":\"x\"}"),
                403,
                "ADMIN_ROLE_REQUIRED",
                "Global administrator");
    }

    @Test
    void assignViewAndUnassignThroughTheApi() {
        List<String> users = fixtures.members(2);
        String plan = product.servicePlans().get(0).id();

        Api.Response assigned = licenseAdmin.post(
                "/api/licenses/" + product.id() + "/assignments",
                "{\"userIds\":" + users(users) + ",\"disabledServicePlans\":[\"" + plan
                        + "\"],\"reason\":\"new team\"}");
        assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
        assertThat(assigned.json()).hasSize(2);
        assertThat(assigned.json().get(0).path("disabledServicePlans").get(0).asText())
                .isEqualTo(plan);

        JsonNode row = find(licenseAdmin.get("/api/licenses").json(), "productId", product.id());
        assertThat(row.path("total").asInt()).isEqualTo(3);
        assertThat(row.path("assigned").asInt()).isEqualTo(2);
        assertThat(row.path("available").asInt()).isEqualTo(1);

        Api.Response toggled = licenseAdmin.put(
                "/api/users/" + users.get(0) + "/licenses/" + product.id() + "/service-plans",
                "{\"disabledServicePlans\":[]}");
        assertThat(toggled.status()).as(toggled.body()).isEqualTo(200);
        assertThat(toggled.json().path("disabledServicePlans")).isEmpty();

        Api.Response removed = licenseAdmin.post(
                "/api/licenses/" + product.id() + "/unassignments", "{\"userIds\":" + users(users.subList(0, 1)) + "}");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.json().get(0).path("mailboxDataKeptUntil").asText())
                .isEqualTo(LocalDate.now(clock).plusDays(30).toString());

        Api.Response history = licenseAdmin.get("/api/users/" + users.get(0) + "/licenses?includeRemoved=true");
        assertThat(history.json()).hasSize(1);
        assertThat(licenseAdmin.get("/api/users/" + users.get(0) + "/licenses").json())
                .isEmpty();

        assertThat(licenseAdmin
                        .delete("/api/users/" + users.get(1) + "/licenses")
                        .json())
                .hasSize(1);
        assertThat(fixtures.holders(subscription)).isEmpty();

        JsonNode audit = licenseAdmin.get("/api/audit?userId=" + users.get(1)).json();
        assertThat(audit)
                .extracting(a -> a.path("action").asText())
                .containsExactly("LICENSE_UNASSIGNED", "LICENSE_ASSIGNED");
        assertThat(audit.get(1).path("reason").asText()).isEqualTo("new team");
    }

    @Test
    void severalProductsToSeveralUsersAllOrNothing() {
        Product second = fixtures.product();
        fixtures.central(second, 2);
        Product scarce = fixtures.product();
        fixtures.central(scarce, 1);
        List<String> users = fixtures.members(2);

        refusedWithoutChange(
                () -> licenseAdmin.post(
                        "/api/licenses/assignments",
                        "{\"productIds\":[\"" + product.id() + "\",\"" + second.id() + "\",\"" + scarce.id()
                                + "\"],\"userIds\":" + users(users) + "}"),
                409,
                "NOT_ENOUGH_SEATS",
                "Not enough licenses for " + scarce.name());
        refusedWithoutChange(
                () -> employee.post(
                        "/api/licenses/assignments",
                        "{\"productIds\":[\"" + product.id() + "\"],\"userIds\":" + users(users) + "}"),
                403,
                "ADMIN_ROLE_REQUIRED",
                "");

        Api.Response both = licenseAdmin.post(
                "/api/licenses/assignments",
                "{\"productIds\":[\"" + product.id() + "\",\"" + second.id() + "\"],\"userIds\":" + users(users)
                        + ",\"reason\":\"new team\"}");
        assertThat(both.status()).as(both.body()).isEqualTo(200);
        assertThat(both.json()).hasSize(4);
        assertThat(fixtures.licenseCounts(users)).containsValues(2, 2);
    }

    @Test
    void unassignAllForSeveralUsersAndTheMailboxDataDeletedOnItsDay() {
        Product other = fixtures.product();
        long otherSeats = fixtures.central(other, 3);
        List<String> users = fixtures.members(2);
        fixtures.license(subscription, users);
        fixtures.license(otherSeats, users.subList(0, 1));

        refusedWithoutChange(
                () -> employee.post("/api/users/unassign-all", "{\"userIds\":" + users(users) + "}"),
                403,
                "ADMIN_ROLE_REQUIRED",
                "assign or remove licenses");
        refusedWithoutChange(
                () -> licenseAdmin.post(
                        "/api/users/unassign-all",
                        "{\"userIds\":" + users(List.of(users.get(0), "nobody-at-all")) + "}"),
                404,
                "UNKNOWN_USER",
                "nobody-at-all");

        Api.Response removed = licenseAdmin.post(
                "/api/users/unassign-all", "{\"userIds\":" + users(users) + ",\"reason\":\"left the company\"}");
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(removed.json()).hasSize(3);
        assertThat(fixtures.licenseCounts(users)).containsValues(0, 0);
        assertThat(removed.json().get(0).path("mailboxData").asText()).startsWith("kept until ");

        driver.advance(java.time.Duration.ofDays(30));
        try {
            JsonNode history = licenseAdmin
                    .get("/api/users/" + users.get(0) + "/licenses?includeRemoved=true")
                    .json();
            assertThat(history.get(0).path("mailboxData").asText())
                    .as("A8: on its day the data is gone")
                    .startsWith("deleted on ");
        } finally {
            driver.resetClock();
        }
    }

    @Test
    void refusalsComeBackAsProblemDetailsWithTheDomainsMessage() {
        List<String> four = fixtures.members(4);
        refusedWithoutChange(
                () -> licenseAdmin.post(
                        "/api/licenses/" + product.id() + "/assignments", "{\"userIds\":" + users(four) + "}"),
                409,
                "NOT_ENOUGH_SEATS",
                "only 3 are available",
                "Buy more");
        refusedWithoutChange(
                () -> licenseAdmin.post(
                        "/api/licenses/" + product.id() + "/assignments",
                        "{\"userIds\":" + users(fixtures.members(21)) + "}"),
                422,
                "TOO_MANY_USERS",
                "at most 20");
        refusedWithoutChange(
                () -> licenseAdmin.post("/api/licenses/NOPE/assignments", "{\"userIds\":" + users(four) + "}"),
                404,
                "UNKNOWN_PRODUCT",
                "no product 'NOPE'");
        refusedWithoutChange(
                () -> licenseAdmin.post("/api/licenses/" + product.id() + "/assignments", "{\"userIds\":[\"ghost\"]}"),
                404,
                "UNKNOWN_USER",
                "'ghost'");
        DirectoryUser guest = fixtures.guest();
        refusedWithoutChange(
                () -> licenseAdmin.post(
                        "/api/licenses/" + product.id() + "/assignments", "{\"userIds\":[\"" + guest.id() + "\"]}"),
                403,
                "GUEST_NEEDS_GLOBAL_ADMIN",
                "guest user");
        DirectoryUser nowhere = fixtures.user("nowhere", UserType.MEMBER, null);
        refusedWithoutChange(
                () -> licenseAdmin.post(
                        "/api/licenses/" + product.id() + "/assignments", "{\"userIds\":[\"" + nowhere.id() + "\"]}"),
                409,
                "NO_USAGE_LOCATION",
                "Set their usage location");
        long selfService = fixtures.selfService(product, employeeUser.id(), 2, LocalDate.now(clock), 7);
        refusedWithoutChange(
                () -> licenseAdmin.post(
                        "/api/licenses/" + product.id() + "/assignments",
                        "{\"userIds\":[\"" + four.get(0) + "\"],\"subscriptionId\":" + selfService + "}"),
                403,
                "SELF_SERVICE_SUBSCRIPTION_NOT_MANAGEABLE",
                "take the subscription over first");

        Api.Response fixed = licenseAdmin.patch("/api/users/" + nowhere.id(), "{\"usageLocation\":\"se\"}");
        assertThat(fixed.json().path("usageLocation").asText()).isEqualTo("SE");
        assertThat(licenseAdmin
                        .post(
                                "/api/licenses/" + product.id() + "/assignments",
                                "{\"userIds\":[\"" + nowhere.id() + "\"]}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void conflictsClosedSubscriptionsHoldersAndRepeatedNamesAreRefusedThroughTheApiToo() {
        String chat = Fixtures.unique("CHAT");
        String trialChat = Fixtures.unique("CHATTRIAL");
        Product suite = fixtures.product("Suite", SelfServicePolicy.DISABLED, chat);
        Product trial = fixtures.product("Trial", SelfServicePolicy.DISABLED, trialChat);
        catalog.addConflict(chat, trialChat, "one chat service per user.");
        fixtures.central(suite, 2);
        long trialSeats = fixtures.central(trial, 2);
        String user = fixtures.member().id();
        assertThat(licenseAdmin
                        .post("/api/licenses/" + suite.id() + "/assignments", "{\"userIds\":[\"" + user + "\"]}")
                        .status())
                .isEqualTo(200);

        refusedWithoutChange(
                () -> licenseAdmin.post(
                        "/api/licenses/" + trial.id() + "/assignments", "{\"userIds\":[\"" + user + "\"]}"),
                409,
                "CONFLICTING_SERVICE_PLANS",
                chat,
                trialChat,
                "switch one of the two off");
        refusedWithoutChange(
                () -> licenseAdmin.post(
                        "/api/licenses/" + suite.id() + "/assignments", "{\"userIds\":[\"" + user + "\"]}"),
                409,
                "ALREADY_LICENSED",
                "already has a " + suite.name());
        refusedWithoutChange(
                () -> licenseAdmin.post(
                        "/api/licenses/" + product.id() + "/assignments",
                        "{\"userIds\":[\"" + user + "\",\"" + user + "\"]}"),
                422,
                "DUPLICATE_USER",
                "twice");
        fixtures.status(trialSeats, com.licenseflow.inventory.subscription.SubscriptionStatus.DISABLED);
        refusedWithoutChange(
                () -> licenseAdmin.post(
                        "/api/licenses/" + trial.id() + "/assignments",
                        "{\"userIds\":[\"" + fixtures.member().id() + "\"],\"subscriptionId\":" + trialSeats + "}"),
                409,
                "SUBSCRIPTION_NOT_USABLE",
                "is Disabled");
    }

    @Test
    void subscriptionsShowPurchaserExpiryPriceAndUsers() {
        DirectoryUser purchaser = fixtures.member();
        long selfService = fixtures.selfService(
                product, purchaser.id(), 2, LocalDate.now(clock).minusDays(2), 7);
        Api.Response byPurchaser = anonymous
                .as(purchaser.id())
                .post(
                        "/api/licenses/" + product.id() + "/assignments",
                        "{\"userIds\":[\"" + purchaser.id() + "\"],\"subscriptionId\":" + selfService + "}");
        assertThat(byPurchaser.status())
                .as("a purchaser manages their own subscription")
                .isEqualTo(200);

        Api.Response listed = licenseAdmin.get("/api/subscriptions?kind=self-service&productId=" + product.id());
        assertThat(listed.header("X-Total-Count")).isEqualTo("1");
        JsonNode list = listed.json();
        assertThat(list).hasSize(1);
        JsonNode s = list.get(0);
        assertThat(s.has("assignedUsers"))
                .as("a list does not carry every subscription's users")
                .isFalse();
        assertThat(s.path("id").asLong()).isEqualTo(selfService);
        assertThat(s.path("purchaser").path("id").asText()).isEqualTo(purchaser.id());
        assertThat(s.path("expiresOn").asText())
                .isEqualTo(LocalDate.now(clock).minusDays(2).plusYears(1).toString());
        assertThat(s.path("pricePerSeatPerMonth").decimalValue()).isEqualByComparingTo("9.00");
        Api.Response users = licenseAdmin.get("/api/subscriptions/" + selfService + "/users?size=1");
        assertThat(users.json().get(0).path("userId").asText()).isEqualTo(purchaser.id());
        assertThat(users.header("Link")).contains("rel=\"first\"").doesNotContain("rel=\"next\"");
        assertThat(licenseAdmin.get("/api/subscriptions/" + selfService).json().path("assignedUsers"))
                .hasSize(1);
        assertThat(s.path("cancellationWindowEndsOn").asText())
                .isEqualTo(LocalDate.now(clock).plusDays(5).toString());
        assertThat(licenseAdmin.get("/api/subscriptions?kind=sideways").status())
                .isEqualTo(422);
    }

    @Test
    void selfServicePurchaseFollowsThePolicyAndFeedsTheExport() {
        Product enabled = fixtures.product(SelfServicePolicy.ENABLED, 2);
        Product trialsOnly = fixtures.product(SelfServicePolicy.ONLY_TRIALS_WITHOUT_PAYMENT_METHOD, 2);
        DirectoryUser colleague = fixtures.user("colleague", UserType.MEMBER, "NL");

        refusedWithoutChange(
                () -> employee.post(
                        "/api/self-service/purchases", "{\"productId\":\"" + product.id() + "\",\"quantity\":1}"),
                403,
                "SELF_SERVICE_PURCHASE_NOT_ALLOWED",
                "switched off self-service",
                "Ask for a license instead");
        refusedWithoutChange(
                () -> employee.post(
                        "/api/self-service/purchases", "{\"productId\":\"" + trialsOnly.id() + "\",\"quantity\":1}"),
                403,
                "SELF_SERVICE_PURCHASE_NOT_ALLOWED",
                "only allows trials");

        Api.Response trial = employee.post(
                "/api/self-service/purchases",
                "{\"productId\":\"" + trialsOnly.id() + "\",\"quantity\":1,\"trial\":true}");
        assertThat(trial.status()).as(trial.body()).isEqualTo(201);
        assertThat(trial.json().path("trial").asBoolean()).isTrue();

        Api.Response bought = employee.post(
                "/api/self-service/purchases",
                "{\"productId\":\"" + enabled.id() + "\",\"quantity\":3,\"assignTo\":[\"" + employeeUser.id() + "\",\""
                        + colleague.id() + "\"]}");
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        assertThat(bought.json().path("kind").asText()).isEqualTo("SELF_SERVICE");
        assertThat(bought.json().path("assignedUsers")).hasSize(2);

        Api.Response paged = licenseAdmin.get("/api/self-service/products/" + enabled.id() + "/licensees?size=1");
        assertThat(paged.header("X-Total-Count")).as("purchasers").isEqualTo("1");
        JsonNode view = paged.json();
        assertThat(view.path("totalQuantity").asInt()).isEqualTo(3);
        assertThat(view.path("available").asInt()).isEqualTo(1);
        assertThat(view.path("purchasers").get(0).path("purchaser").path("id").asText())
                .isEqualTo(employeeUser.id());
        assertThat(view.path("purchasers").get(0).path("users")).hasSize(2);

        Api.Response csv = licenseAdmin.get("/api/self-service/products/" + enabled.id() + "/licensees.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("Purchaser,Purchaser email,Subscription");
        assertThat(lines.subList(1, 3)).allMatch(l -> l.startsWith(employeeUser.displayName() + ","));
        assertThat(lines.subList(1, 3)).anyMatch(l -> l.contains("," + colleague.id() + ","));

        assertThat(employee.get("/api/self-service/products/" + enabled.id() + "/licensees.csv")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void policiesCanBeReadAndChangedByBillingAdmins() {
        Api billing = anonymous.as(fixtures.admin(BILLING_ADMIN).id());
        assertThat(billing.get("/api/self-service-policies/default")
                        .json()
                        .path("defaultValue")
                        .asText())
                .isEqualTo("Enabled");
        assertThat(find(billing.get("/api/self-service-policies").json(), "productId", product.id())
                        .path("value")
                        .asText())
                .isEqualTo("Disabled");

        Api.Response changed = billing.put(
                "/api/self-service-policies/" + product.id(), "{\"value\":\"OnlyTrialsWithoutPaymentMethod\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(billing.get("/api/self-service-policies/" + product.id())
                        .json()
                        .path("value")
                        .asText())
                .isEqualTo("OnlyTrialsWithoutPaymentMethod");

        refusedWithoutChange(
                () -> billing.put("/api/self-service-policies/" + product.id(), "{\"value\":\"Maybe\"}"),
                422,
                "INVALID_INPUT",
                "Enabled, OnlyTrialsWithoutPaymentMethod, Disabled");
    }

    @Test
    void tenantSettingsForOwnRequestProcess() {
        Api global = anonymous.as(fixtures.admin(GLOBAL_ADMIN).id());
        // A message kept from before would be used again ("fields left out keep their value"): start without one.
        global.put("/api/settings/license-requests", "{\"ownRequestProcess\":false,\"message\":\"\"}");
        refusedWithoutChange(
                () -> global.put("/api/settings/license-requests", "{\"ownRequestProcess\":true}"),
                422,
                "INVALID_INPUT",
                "needs a message");
        refusedWithoutChange(
                () -> global.put(
                        "/api/settings/license-requests",
                        "{\"ownRequestProcess\":true,\"message\":\"Ask IT\",\"documentationUrl\":\"javascript:alert(1)\"}"),
                422,
                "INVALID_INPUT",
                "not a web address");

        Api.Response on = global.put(
                "/api/settings/license-requests",
                "{\"ownRequestProcess\":true,"
                        + "\"message\":\"Use the IT portal\",\"documentationUrl\":\"https://it.example/licenses\"}");
        try {
            assertThat(on.status()).as(on.body()).isEqualTo(200);
            JsonNode seen = employee.get("/api/settings/license-requests").json();
            assertThat(seen.path("ownRequestProcess").asBoolean()).isTrue();
            assertThat(seen.path("message").asText()).isEqualTo("Use the IT portal");
            assertThat(seen.path("retentionDays").asInt()).isEqualTo(30);
        } finally {
            global.put("/api/settings/license-requests", "{\"ownRequestProcess\":false}");
        }
        assertThat(employee.get("/api/settings/license-requests")
                        .json()
                        .path("ownRequestProcess")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void meShowsTheCallersOwnLicensesAndOthersNeedAnAdmin() {
        licenseAdmin.post(
                "/api/licenses/" + product.id() + "/assignments", "{\"userIds\":[\"" + employeeUser.id() + "\"]}");
        JsonNode me = employee.get("/api/me").json();
        assertThat(me.path("user").path("id").asText()).isEqualTo(employeeUser.id());
        assertThat(me.path("licenses").get(0).path("productId").asText()).isEqualTo(product.id());
        assertThat(employee.get("/api/users/" + fixtures.member().id() + "/licenses")
                        .status())
                .isEqualTo(403);
        assertThat(anonymous.as("demo-nobody", "x").get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void malformedInputIsABadRequestNotAServerError() {
        assertThat(licenseAdmin
                        .post("/api/licenses/" + product.id() + "/assignments", "{not json")
                        .status())
                .isEqualTo(400);
        assertThat(licenseAdmin.get("/api/subscriptions/abc").status()).isEqualTo(400);
        assertThat(licenseAdmin.get("/api/subscriptions/987654").status()).isEqualTo(404);
        refusedWithoutChange(
                () -> licenseAdmin.post("/api/licenses/" + product.id() + "/assignments", "{}"),
                422,
                "INVALID_INPUT",
                "at least one user");
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(n -> n.path(field).asText().equals(value))
                .findFirst()
                .orElseThrow(() -> new AssertionError(field + "=" + value + " not in " + array));
    }
}
