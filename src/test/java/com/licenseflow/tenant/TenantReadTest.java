package com.licenseflow.tenant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.licenseflow.inventory.access.AdminRole.GLOBAL_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.support.Api;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.GraphStandIn;
import com.licenseflow.support.IntegrationTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.annotation.DirtiesContext;

/**
 * "Read the tenant" against a local Microsoft Graph stand-in answering with Graph's documented
 * subscribedSkus payload: products and seats arrive in the inventory through the ledger, a difference is
 * recorded as changed outside LicenseFlow, throttling is waited out, a refusal changes nothing and leaves the
 * step to be retried. What Graph and Entra ID received is checked too: one client-credentials token request
 * and the bearer token on each call.
 */
@IntegrationTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TenantReadTest {

    private static final GraphStandIn GRAPH = GraphStandIn.start();
    private static final String PREMIUM = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
    private static final String E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";

    @DynamicPropertySource
    static void pointAtTheStandIn(DynamicPropertyRegistry registry) {
        GRAPH.settings().forEach((name, value) -> registry.add(name, () -> value));
        // A context of its own beside the suite's shared one: its engine needs a name of its own in the JVM.
        registry.add("camunda.bpm.process-engine-name", () -> "tenant-read-test");
    }

    @AfterAll
    static void stopTheStandIn() {
        GRAPH.close();
    }

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

    @BeforeEach
    void tokenEndpoint() {
        GRAPH.server().resetAll();
        GRAPH.server().stubFor(post(urlPathEqualTo("/" + GraphStandIn.TENANT + "/oauth2/v2.0/token"))
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                        + "\"access_token\":\"" + GraphStandIn.TOKEN + "\"}")));
    }

    /** Graph's subscribedSku, as documented: https://learn.microsoft.com/graph/api/resources/subscribedsku */
    private static String sku(String skuId, String partNumber, String capabilityStatus, int enabled, int warning,
                              int consumed) {
        return """
                {"capabilityStatus":"%s","consumedUnits":%d,"id":"%s_%s","skuId":"%s","skuPartNumber":"%s",
                 "appliesTo":"User","prepaidUnits":{"enabled":%d,"suspended":0,"warning":%d,"lockedOut":0},
                 "servicePlans":[
                   {"servicePlanId":"9aaf7827-d63c-4b61-89c3-182f06f82e5c","servicePlanName":"EXCHANGE_S_STANDARD",
                    "provisioningStatus":"Success","appliesTo":"User"},
                   {"servicePlanId":"57ff2da0-773e-42df-b2af-ffb7a2317929","servicePlanName":"TEAMS1",
                    "provisioningStatus":"Success","appliesTo":"User"},
                   {"servicePlanId":"113feb6c-3fe4-4440-bddc-54d774bf0318","servicePlanName":"EXCHANGE_S_FOUNDATION",
                    "provisioningStatus":"Success","appliesTo":"Company"}]}"""
                .formatted(capabilityStatus, consumed, GraphStandIn.TENANT, skuId, skuId, partNumber, enabled, warning);
    }

    private static void tenantHas(String... skus) {
        GRAPH.server().stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus"))
                .willReturn(okJson("{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#subscribedSkus\","
                        + "\"value\":[" + String.join(",", skus) + "]}")));
    }

    /** One run of "Read the tenant", as the job executor would: its timer fires, then its step runs. */
    private String readTheTenant() {
        var management = engine.getManagementService();
        Job timer = management.createJobQuery().processDefinitionKey(TenantRead.KEY).timers().singleResult();
        management.executeJob(timer.getId());
        Job step = management.createJobQuery().processDefinitionKey(TenantRead.KEY).activityId("Activity_ReadTenantProducts")
                .singleResult();
        String instance = step.getProcessInstanceId();
        management.executeJob(step.getId());
        return instance;
    }

    private int seatsOf(String skuId) {
        return jdbc.sql("select quantity from subscription where tenant_sku_id = ?").param(skuId).query(Integer.class).single();
    }

    private List<String> changesOutsideLicenseFlow() {
        return jdbc.sql("select details from audit_log where actor = 'microsoft-365-tenant' order by id")
                .query(String.class).list();
    }

    @Test
    void theTenantsProductsAndSeatsArriveAndAChangeInTheTenantIsRecordedAsMadeOutsideLicenseFlow() throws IOException {
        Product premium = fixtures.namedProduct("SPB", "Microsoft 365 Business Premium", "22.00");
        Api.at(port).as(fixtures.admin(GLOBAL_ADMIN).id()).post("/api/catalog/import", "text/csv",
                new String(getClass().getResourceAsStream("/catalog/microsoft-catalog-excerpt.csv").readAllBytes(),
                        StandardCharsets.UTF_8) + "Microsoft 365 E3,SPE_E3," + E3 + ",TEAMS1,"
                        + "57ff2da0-773e-42df-b2af-ffb7a2317929,Microsoft Teams\r\n");
        tenantHas(sku(PREMIUM, "SPB", "Enabled", 25, 5, 20), sku(E3, "SPE_E3", "Enabled", 100, 0, 80));

        String instance = readTheTenant();

        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("EndEvent_TenantRead").count()).isOne();
        assertThat(catalog.require(premium.id()).skuId()).as("found by its part number").isEqualTo(PREMIUM);
        assertThat(seatsOf(PREMIUM)).as("enabled and in warning").isEqualTo(30);
        Product e3 = catalog.findBySkuId(E3).orElseThrow();
        assertThat(e3.name()).as("Microsoft's display name from the imported catalog").isEqualTo("Microsoft 365 E3");
        assertThat(e3.servicePlans()).extracting(p -> p.id() + "=" + p.guid()).as("the plans a user's license has")
                .containsExactlyInAnyOrder("EXCHANGE_S_STANDARD=9aaf7827-d63c-4b61-89c3-182f06f82e5c",
                        "TEAMS1=57ff2da0-773e-42df-b2af-ffb7a2317929");
        assertThat(catalog.require(premium.id()).planIds()).as("plans the tenant's product has are added")
                .contains("EXCHANGE_S_STANDARD", "TEAMS1");
        assertThat(seatsOf(E3)).isEqualTo(100);
        assertThat(changesOutsideLicenseFlow()).anyMatch(d -> d.contains("Microsoft 365 E3 (SPE_E3) is in the Microsoft 365 tenant"))
                .anyMatch(d -> d.contains("Microsoft 365 Business Premium has 30 seats in the Microsoft 365 tenant"));

        GRAPH.server().verify(1, postRequestedFor(urlPathEqualTo("/" + GraphStandIn.TENANT + "/oauth2/v2.0/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=" + GraphStandIn.CLIENT)));
        GRAPH.server().verify(1, getRequestedFor(urlPathEqualTo("/v1.0/subscribedSkus"))
                .withHeader("Authorization", equalTo("Bearer " + GraphStandIn.TOKEN)));

        // Someone buys 10 more seats of Business Premium in the admin center, and E3 is suspended.
        int before = changesOutsideLicenseFlow().size();
        tenantHas(sku(PREMIUM, "SPB", "Enabled", 35, 5, 20), sku(E3, "SPE_E3", "Suspended", 0, 0, 0));
        readTheTenant();
        assertThat(seatsOf(PREMIUM)).isEqualTo(40);
        assertThat(changesOutsideLicenseFlow()).hasSize(before + 2)
                .anyMatch(d -> d.equals("Changed outside LicenseFlow: Microsoft 365 Business Premium seats 30 -> 40"))
                .anyMatch(d -> d.equals("Changed outside LicenseFlow: Microsoft 365 E3 seats 100 -> 0, Active -> Disabled"));

        // Nothing changed: nothing recorded.
        readTheTenant();
        assertThat(changesOutsideLicenseFlow()).hasSize(before + 2);
    }

    @Test
    void graphsThrottlingIsWaitedOutAsItsRetryAfterSays() {
        GRAPH.server().stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).inScenario("throttled")
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("waited")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests\"}}")));
        GRAPH.server().stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).inScenario("throttled")
                .whenScenarioStateIs("waited").willReturn(okJson("{\"value\":[" + sku("6fd2c87f-b296-42f0-b197-1e91e994b900",
                        "ENTERPRISEPACK", "Enabled", 7, 0, 0) + "]}")));

        readTheTenant();

        GRAPH.server().verify(2, getRequestedFor(urlPathEqualTo("/v1.0/subscribedSkus")));
        assertThat(seatsOf("6fd2c87f-b296-42f0-b197-1e91e994b900")).isEqualTo(7);
    }

    @Test
    void aRefusalFromGraphChangesNothingAndTheStepFailsInWordsToBeRetried() {
        GRAPH.server().stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":"
                        + "\"Insufficient privileges to complete the operation.\"}}")));
        String before = fixtures.snapshot();
        var management = engine.getManagementService();
        Job timer = management.createJobQuery().processDefinitionKey(TenantRead.KEY).timers().singleResult();
        management.executeJob(timer.getId());
        Job step = management.createJobQuery().processDefinitionKey(TenantRead.KEY).activityId("Activity_ReadTenantProducts")
                .singleResult();

        assertThatThrownBy(() -> management.executeJob(step.getId()))
                .hasMessageContaining("Microsoft Graph answered 403 Authorization_RequestDenied: Insufficient privileges");

        assertThat(fixtures.snapshot()).as("nothing changed").isEqualTo(before);
        Job failed = management.createJobQuery().jobId(step.getId()).singleResult();
        assertThat(failed.getRetries()).as("R3/PT5M: tried again later, then an incident").isEqualTo(2);
        assertThat(failed.getExceptionMessage()).contains("Authorization_RequestDenied");
        engine.getRuntimeService().deleteProcessInstance(failed.getProcessInstanceId(), "the test is over");
    }
}
