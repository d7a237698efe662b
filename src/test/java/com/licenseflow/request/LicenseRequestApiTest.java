package com.licenseflow.request;

import static com.licenseflow.inventory.access.AdminRole.GLOBAL_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.support.Api;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** R1, R2, R4 through the API: asking, the Requests list and who sees what. */
@IntegrationTest
class LicenseRequestApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessDriver driver;

    @Autowired
    RuntimeService runtime;

    Product product;
    DirectoryUser requester;
    DirectoryUser colleague;
    DirectoryUser admin;
    Api asRequester;
    Api asAdmin;

    @BeforeEach
    void setUp() {
        product = fixtures.product();
        fixtures.central(product, 5);
        requester = fixtures.member();
        colleague = fixtures.member();
        admin = fixtures.admin(GLOBAL_ADMIN);
        asRequester = Api.at(port).as(requester.id());
        asAdmin = Api.at(port).as(admin.id());
    }

    private Api.Response ask(Api who, String productName, String... colleagues) {
        String list = List.of(colleagues).stream().map(c -> "\"" + c + "\"").collect(Collectors.joining(","));
        return who.post(
                "/api/license-requests",
                "{\"product\":\"" + productName + "\",\"colleagues\":[" + list
                        + "],\"justification\":\"New project\"}");
    }

    private static List<String> ids(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false)
                .map(n -> n.path("id").asText())
                .toList();
    }

    @Test
    void anEmployeeAsksAndSeesTheirRequestAdminsSeeAll() {
        Api.Response created = ask(asRequester, product.name(), colleague.email());

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode request = created.json();
        String id = request.path("id").asText();
        assertThat(created.header("Location")).endsWith("/api/license-requests/" + id);
        assertThat(request.path("status").asText()).isEqualTo("PENDING");
        assertThat(request.path("requesterId").asText()).isEqualTo(requester.id());
        assertThat(request.path("users"))
                .extracting(u -> u.path("userId").asText())
                .containsExactly(requester.id(), colleague.id());

        assertThat(ids(asRequester.get("/api/license-requests?status=pending").json()))
                .containsExactly(id);
        assertThat(ids(Api.at(port)
                        .as(colleague.id())
                        .get("/api/license-requests")
                        .json()))
                .as("named in it")
                .containsExactly(id);
        Api stranger = Api.at(port).as(fixtures.member().id());
        assertThat(ids(stranger.get("/api/license-requests").json())).doesNotContain(id);
        assertThat(stranger.get("/api/license-requests/" + id).status()).isEqualTo(404);
        assertThat(ids(asAdmin.get("/api/license-requests").json())).contains(id);
        Api licenseAdmin = Api.at(port)
                .as(fixtures.admin(com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN)
                        .id());
        assertThat(ids(licenseAdmin.get("/api/license-requests").json()))
                .as("R11: the list is the Global admins'")
                .doesNotContain(id);
        assertThat(licenseAdmin.get("/api/license-requests/" + id).status()).isEqualTo(404);
        assertThat(asAdmin.get("/api/license-requests/" + id)
                        .json()
                        .path("productName")
                        .asText())
                .isEqualTo(product.name());
    }

    @Test
    void aDecidedRequestMovesToCompletedWithEachUsersOutcome() {
        String pid = ask(asRequester, product.name(), colleague.id())
                .json()
                .path("processInstanceId")
                .asText();
        driver.complete(
                admin.id(),
                driver.task(pid, "Activity_ReviewLicenseRequest"),
                Map.of(
                        "decision",
                        "approve",
                        "approvedUserIds",
                        List.of(colleague.id()),
                        "assignedProductId",
                        product.id(),
                        "decisionMessage",
                        "Only Finn needs it"));

        assertThat(asRequester.get("/api/license-requests?status=pending").json())
                .isEmpty();
        JsonNode done =
                asRequester.get("/api/license-requests?status=completed").json().get(0);
        assertThat(done.path("status").asText()).isEqualTo("PARTLY_APPROVED");
        assertThat(done.path("message").asText()).isEqualTo("Only Finn needs it");
        assertThat(done.path("decidedBy").asText()).isEqualTo(admin.id());
        Map<String, String> outcomes = StreamSupport.stream(done.path("users").spliterator(), false)
                .collect(Collectors.toMap(
                        u -> u.path("userId").asText(), u -> u.path("outcome").asText()));
        assertThat(outcomes).containsOnly(Map.entry(requester.id(), "DENIED"), Map.entry(colleague.id(), "APPROVED"));
        assertThat(asRequester.get("/api/license-requests?status=sideways").status())
                .isEqualTo(422);
    }

    @Test
    void refusedRequestsAreProblemDetailsAndStartNothing() {
        long instances = runtime.createProcessInstanceQuery()
                .processDefinitionKey("license-request")
                .count();
        Product buyable = fixtures.product(SelfServicePolicy.ENABLED, 1);

        Api.Response selfService = ask(asRequester, buyable.name());
        assertThat(selfService.status()).isEqualTo(409);
        assertThat(selfService.json().path("rule").asText()).isEqualTo("SELF_SERVICE_AVAILABLE");
        assertThat(selfService.detail()).contains("buy " + buyable.name() + " yourself");

        Api.Response unknown = ask(asRequester, "Quantum Office");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.detail()).contains("There is no product 'Quantum Office'", "as the admin center shows it");
        // A typing mistake gets the names closest to it (a name of its own: "Product P<n>" has many neighbours).
        Product named = fixtures.product("Northwind Analytics", SelfServicePolicy.DISABLED);
        String typo = named.name().replace("Analytics", "Analytiks");
        assertThat(ask(asRequester, typo).detail()).contains("Did you mean", named.name());

        Api.Response tooMany =
                ask(asRequester, product.name(), fixtures.members(20).toArray(String[]::new));
        assertThat(tooMany.status()).isEqualTo(422);

        asAdmin.put(
                "/api/settings/license-requests",
                "{\"ownRequestProcess\":true,\"message\":\"File a ticket in "
                        + "ServiceNow\",\"documentationUrl\":\"https://servicenow.example/licenses\"}");
        try {
            Api.Response own = ask(asRequester, product.name());
            assertThat(own.status()).isEqualTo(409);
            assertThat(own.json().path("rule").asText()).isEqualTo("OWN_REQUEST_PROCESS");
            assertThat(own.detail()).contains("File a ticket in ServiceNow", "https://servicenow.example/licenses");
            // R4: editing only the message leaves the switch as it is.
            Api.Response edited = asAdmin.put("/api/settings/license-requests", "{\"message\":\"Use the IT portal\"}");
            assertThat(edited.json().path("ownRequestProcess").asBoolean())
                    .as(edited.body())
                    .isTrue();
            assertThat(ask(asRequester, product.name()).detail()).contains("Use the IT portal");
        } finally {
            // Back to the settings every other test expects: no own process, no message kept for it.
            asAdmin.put(
                    "/api/settings/license-requests",
                    "{\"ownRequestProcess\":false,\"message\":\"\",\"documentationUrl\":\"\"}");
        }

        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey("license-request")
                        .count())
                .isEqualTo(instances);
        assertThat(asRequester.get("/api/license-requests").json()).isEmpty();
    }
}
