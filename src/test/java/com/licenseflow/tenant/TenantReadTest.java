package com.licenseflow.tenant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
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
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Read the tenant" against a local Microsoft Graph stand-in answering with Graph's documented
 * subscribedSkus payload: products and seats arrive in the inventory through the ledger, a difference is
 * recorded as changed outside LicenseFlow, throttling is waited out, a refusal changes nothing and leaves the
 * step to be retried. What Graph and Entra ID received is checked too: one client-credentials token request
 * and the bearer token on each call.
 */
@IntegrationTest
class TenantReadTest {

    private static final GraphStandIn GRAPH = GraphStandIn.start();

    @AfterEach
    void disconnect() {
        connection.use(configured);
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

    @Autowired
    com.licenseflow.support.ProcessDriver driver;

    @Autowired
    GraphClient graph;

    @Autowired
    TenantConnection connection;

    TenantSettings configured;
    TenantReads reads;

    /** The suite's one Spring context, connected to the stand-in for this test (a context of its own would
     * need a Camunda engine and process application of its own, which one JVM does not allow by name). */
    @BeforeEach
    void aTenantWithoutUsers() {
        configured = connection.settings();
        reads = new TenantReads(GRAPH, engine, jdbc);
        connection.use(GRAPH.settings());
        reads.startClean(graph);
    }

    private int seatsOf(String skuId) {
        return jdbc.sql("select quantity from subscription where tenant_sku_id = ?")
                .param(skuId)
                .query(Integer.class)
                .single();
    }

    private List<String> changesOutsideLicenseFlow() {
        return jdbc.sql("select details from audit_log where actor = 'microsoft-365-tenant' order by id")
                .query(String.class)
                .list();
    }

    @Test
    void theTenantsProductsAndSeatsArriveAndAChangeInTheTenantIsRecordedAsMadeOutsideLicenseFlow() {
        // Products of the suite's own (the demo's real SKUs stay untouched for the other tests).
        Product premium = fixtures.product();
        String premiumSku = UUID.randomUUID().toString();
        String e3Part = Fixtures.unique("E3P");
        String e3 = UUID.randomUUID().toString();
        Api.Response imported = Api.at(port)
                .as(fixtures.admin(GLOBAL_ADMIN).id())
                .post(
                        "/api/catalog/import",
                        "text/csv",
                        "Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,Service_Plans_Included_Friendly_Names\r\n"
                                + "Microsoft 365 E3 " + e3Part + "," + e3Part + "," + e3 + ",TEAMS1,"
                                + "57ff2da0-773e-42df-b2af-ffb7a2317929,Microsoft Teams\r\n");
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        reads.tenantHas(
                TenantReads.sku(premiumSku, premium.id(), "Enabled", 25, 5, 20),
                TenantReads.sku(e3, e3Part, "Enabled", 100, 0, 80));

        String instance = reads.readTheTenant();

        assertThat(engine.getHistoryService()
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(instance)
                        .activityId("EndEvent_TenantRead")
                        .count())
                .isOne();
        assertThat(catalog.require(premium.id()).skuId())
                .as("found by its part number")
                .isEqualTo(premiumSku);
        assertThat(seatsOf(premiumSku)).as("enabled and in warning").isEqualTo(30);
        Product added = catalog.findBySkuId(e3).orElseThrow();
        assertThat(added.name())
                .as("Microsoft's display name from the imported catalog")
                .isEqualTo("Microsoft 365 E3 " + e3Part);
        assertThat(added.servicePlans())
                .extracting(p -> p.id() + "=" + p.guid())
                .as("the plans a user's license has")
                .containsExactlyInAnyOrder(
                        "EXCHANGE_S_STANDARD=9aaf7827-d63c-4b61-89c3-182f06f82e5c",
                        "TEAMS1=57ff2da0-773e-42df-b2af-ffb7a2317929");
        assertThat(catalog.require(premium.id()).planIds())
                .as("plans the tenant's product has are added")
                .contains("EXCHANGE_S_STANDARD", "TEAMS1");
        assertThat(seatsOf(e3)).isEqualTo(100);
        assertThat(changesOutsideLicenseFlow())
                .anyMatch(d -> d.contains("Microsoft 365 E3 " + e3Part + " is in the Microsoft 365 tenant"))
                .anyMatch(d -> d.contains(premium.name() + " has 30 seats in the Microsoft 365 tenant"));

        GRAPH.server()
                .verify(
                        1,
                        postRequestedFor(urlPathEqualTo("/" + GraphStandIn.TENANT + "/oauth2/v2.0/token"))
                                .withRequestBody(containing("grant_type=client_credentials"))
                                .withRequestBody(containing("client_id=" + GraphStandIn.CLIENT))
                                .withRequestBody(containing(
                                        // licenseflow.tenant.token-scope: Graph's own, whatever address graph-url has
                                        "scope="
                                                + java.net.URLEncoder.encode(
                                                        "https://graph.microsoft.com/.default",
                                                        java.nio.charset.StandardCharsets.UTF_8))));
        GRAPH.server()
                .verify(
                        1,
                        getRequestedFor(urlPathEqualTo("/v1.0/subscribedSkus"))
                                .withHeader("Authorization", equalTo("Bearer " + GraphStandIn.TOKEN)));

        // Someone buys 10 more seats of Business Premium in the admin center, and E3 is suspended.
        int before = changesOutsideLicenseFlow().size();
        reads.tenantHas(
                TenantReads.sku(premiumSku, premium.id(), "Enabled", 35, 5, 20),
                TenantReads.sku(e3, e3Part, "Suspended", 0, 0, 0));
        reads.readTheTenant();
        assertThat(seatsOf(premiumSku)).isEqualTo(40);
        assertThat(changesOutsideLicenseFlow())
                .hasSize(before + 2)
                .anyMatch(d -> d.equals("Changed outside LicenseFlow: " + premium.name() + " seats from 30 to 40"))
                .anyMatch(d -> d.equals("Changed outside LicenseFlow: Microsoft 365 E3 " + e3Part
                        + " seats from 100 to 0, Active now Disabled"));

        // Nothing changed: nothing recorded.
        reads.readTheTenant();
        assertThat(changesOutsideLicenseFlow()).hasSize(before + 2);
    }

    @Test
    void graphsThrottlingIsWaitedOutAsItsRetryAfterSays() {
        GRAPH.server()
                .stubFor(
                        get(urlPathEqualTo("/v1.0/subscribedSkus"))
                                .inScenario("throttled")
                                .whenScenarioStateIs(Scenario.STARTED)
                                .willSetStateTo("waited")
                                .willReturn(
                                        aResponse()
                                                .withStatus(429)
                                                .withHeader("Retry-After", "1")
                                                .withHeader("Content-Type", "application/json")
                                                .withBody(
                                                        "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests\"}}")));
        String skuId = UUID.randomUUID().toString();
        GRAPH.server()
                .stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus"))
                        .inScenario("throttled")
                        .whenScenarioStateIs("waited")
                        .willReturn(okJson("{\"value\":["
                                + TenantReads.sku(skuId, Fixtures.unique("EP"), "Enabled", 7, 0, 0) + "]}")));

        reads.readTheTenant();

        GRAPH.server().verify(2, getRequestedFor(urlPathEqualTo("/v1.0/subscribedSkus")));
        assertThat(seatsOf(skuId)).isEqualTo(7);
    }

    @Test
    void aTokenGraphNoLongerTakesIsReplacedOnce() {
        GRAPH.server()
                .stubFor(
                        get(urlPathEqualTo("/v1.0/subscribedSkus"))
                                .inScenario("revoked")
                                .whenScenarioStateIs(Scenario.STARTED)
                                .willSetStateTo("new token")
                                .willReturn(
                                        aResponse()
                                                .withStatus(401)
                                                .withHeader("Content-Type", "application/json")
                                                .withBody(
                                                        "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Lifetime validation failed\"}}")));
        GRAPH.server()
                .stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus"))
                        .inScenario("revoked")
                        .whenScenarioStateIs("new token")
                        .willReturn(okJson("{\"value\":[]}")));

        reads.readTheTenant();

        GRAPH.server().verify(2, postRequestedFor(urlPathEqualTo("/" + GraphStandIn.TENANT + "/oauth2/v2.0/token")));
        GRAPH.server().verify(2, getRequestedFor(urlPathEqualTo("/v1.0/subscribedSkus")));
    }

    @Test
    void withACertificateEachTokenRequestIsSignedWithItsKeyAndNoSecretIsSent() throws Exception {
        java.nio.file.Path pem = GRAPH.appCertificate();
        connection.use(GRAPH.settings().withClientCertificate(pem));
        graph.forgetToken();
        GRAPH.server().stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(okJson("{\"value\":[]}")));

        reads.readTheTenant();

        var asked = GRAPH.server()
                .findAll(postRequestedFor(urlPathEqualTo("/" + GraphStandIn.TENANT + "/oauth2/v2.0/token")));
        assertThat(asked).hasSize(1);
        java.util.Map<String, String> form = new java.util.HashMap<>();
        for (String pair : asked.get(0).getBodyAsString().split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(
                    java.net.URLDecoder.decode(kv[0], java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(form)
                .doesNotContainKey("client_secret")
                .containsEntry("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        var assertion = com.nimbusds.jwt.SignedJWT.parse(form.get("client_assertion"));
        var certificate =
                (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                        .generateCertificate(new java.io.ByteArrayInputStream(java.nio.file.Files.readAllBytes(pem)));
        assertThat(assertion.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(
                        (java.security.interfaces.RSAPublicKey) certificate.getPublicKey())))
                .as("signed with the app's key")
                .isTrue();
        assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo(GraphStandIn.CLIENT);
        assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo(GraphStandIn.CLIENT);
        GRAPH.server()
                .verify(getRequestedFor(urlPathEqualTo("/v1.0/subscribedSkus"))
                        .withHeader(
                                "Authorization",
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                        "Bearer " + GraphStandIn.TOKEN)));
    }

    @Test
    void aRefusalFromGraphChangesNothingAndTheStepFailsInWordsToBeRetried() {
        GRAPH.server()
                .stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus"))
                        .willReturn(aResponse()
                                .withStatus(403)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":"
                                        + "\"Insufficient privileges to complete the operation.\"}}")));
        String before = fixtures.snapshot();
        var management = engine.getManagementService();
        Job step = reads.startRead();

        assertThatThrownBy(() -> management.executeJob(step.getId()))
                .hasMessageContaining(
                        "Microsoft Graph answered 403 Authorization_RequestDenied: Insufficient privileges");

        assertThat(fixtures.snapshot()).as("nothing changed").isEqualTo(before);
        Job failed = management.createJobQuery().jobId(step.getId()).singleResult();
        assertThat(failed.getRetries())
                .as("R3/PT5M: tried again later, then an incident")
                .isEqualTo(2);
        assertThat(failed.getExceptionMessage()).contains("Authorization_RequestDenied");
        engine.getRuntimeService().deleteProcessInstance(failed.getProcessInstanceId(), "the test is over");
    }

    @Test
    void theTenantsUsersArriveAPageAJobAndTheNextReadAsksOnlyForWhatChanged() {
        String lisa = "aaaaaaaa-0000-0000-0000-000000000001";
        String omar = "aaaaaaaa-0000-0000-0000-000000000002";
        String guest = "aaaaaaaa-0000-0000-0000-000000000003";
        String known = "aaaaaaaa-0000-0000-0000-000000000004";
        var before = fixtures.member();
        reads.usersPage(
                null,
                null,
                TenantReads.user(
                                lisa,
                                "lisa@contoso.onmicrosoft.com",
                                "Lisa Jansen",
                                "lisa@tenant.example",
                                "Member",
                                "nl",
                                true)
                        + ","
                        + TenantReads.user(
                                omar, "omar@contoso.onmicrosoft.com", "Omar Haddad", null, "Member", "SE", false),
                "page-2",
                null);
        reads.usersPage(
                "$skiptoken",
                "page-2",
                TenantReads.user(
                                guest,
                                "gwen_partner.example#EXT#@contoso.onmicrosoft.com",
                                "Gwen Partner",
                                "gwen@partner.example",
                                "Guest",
                                "DE",
                                true)
                        + ","
                        + TenantReads.user(
                                known,
                                "known@contoso.onmicrosoft.com",
                                "Known Before",
                                before.email().toUpperCase(),
                                "Member",
                                "NL",
                                true),
                "page-3",
                null);
        reads.usersPage("$skiptoken", "page-3", "", null, "after-the-first-read");

        String instance = reads.readTheTenantUntilUsers();
        // The crash: the second page's job dies before it commits; nothing of it stays, and it runs again.
        driver.runJob(instance, "Activity_ReadAPageOfTenantUsers");
        driver.runJobThenCrash(instance, "Activity_ReadAPageOfTenantUsers");
        assertThat(jdbc.sql("select count(*) from directory_user where tenant_user_id = ?")
                        .param(guest)
                        .query(Integer.class)
                        .single())
                .as("the crashed page left nothing")
                .isZero();
        java.util.Map<String, Integer> ran = reads.runJobsOf(instance);

        assertThat(ran)
                .as("each page its own job: page 2 again, then page 3")
                .containsEntry("Activity_ReadAPageOfTenantUsers", 2);
        GRAPH.server()
                .verify(
                        1,
                        getRequestedFor(urlPathEqualTo("/v1.0/users/delta"))
                                .withQueryParam("$skiptoken", absent())
                                .withQueryParam("$select", containing("assignedLicenses")));
        GRAPH.server()
                .verify(
                        2,
                        getRequestedFor(urlPathEqualTo("/v1.0/users/delta"))
                                .withQueryParam("$skiptoken", equalTo("page-2")));
        GRAPH.server()
                .verify(
                        1,
                        getRequestedFor(urlPathEqualTo("/v1.0/users/delta"))
                                .withQueryParam("$skiptoken", equalTo("page-3")));
        assertThat(reads.directoryRow(lisa)).isEqualTo("Lisa Jansen|lisa@tenant.example|MEMBER|NL|true");
        assertThat(reads.directoryRow(omar))
                .as("no mail: the user principal name")
                .isEqualTo("Omar Haddad|omar@contoso.onmicrosoft.com|MEMBER|SE|false");
        assertThat(reads.directoryRow(guest)).isEqualTo("Gwen Partner|gwen@partner.example|GUEST|DE|true");
        assertThat(jdbc.sql("select id from directory_user where tenant_user_id = ?")
                        .param(known)
                        .query(String.class)
                        .single())
                .as("a user there before is found by email and keeps their id")
                .isEqualTo(before.id());
        assertThat(jdbc.sql("select count(*) from directory_user where lower(email) = lower(?)")
                        .param(before.email())
                        .query(Integer.class)
                        .single())
                .isOne();
        assertThat(engine.getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(instance)
                        .variableName("usersRead")
                        .singleResult()
                        .getValue())
                .isEqualTo(4);

        // The next read starts at the deltaLink and gets only what changed: a new name, a deleted user.
        reads.usersPage(
                "$deltatoken",
                "after-the-first-read",
                "{\"id\":\"" + lisa + "\",\"displayName\":\"Lisa de Boer\"}," + "{\"id\":\"" + omar
                        + "\",\"@removed\":{\"reason\":\"changed\"}}",
                null,
                "after-the-second-read");
        reads.readTheTenant();
        assertThat(reads.directoryRow(lisa))
                .as("only what the tenant sent changed")
                .isEqualTo("Lisa de Boer|lisa@tenant.example|MEMBER|NL|true");
        assertThat(reads.directoryRow(omar)).endsWith("|false");
        GRAPH.server()
                .verify(
                        1,
                        getRequestedFor(urlPathEqualTo("/v1.0/users/delta"))
                                .withQueryParam("$deltatoken", equalTo("after-the-first-read")));
    }

    @Test
    void licensesChangedInTheTenantItselfArriveAsChangedOutsideLicenseFlowAndChangesUnderWayAreLeftAlone() {
        Product product = fixtures.product();
        String skuId = UUID.randomUUID().toString();
        reads.tenantHas(TenantReads.sku(skuId, product.id(), "Enabled", 10, 0, 1));
        var added = fixtures.member();
        var removed = fixtures.member();
        var underWay = fixtures.member();
        String[] ids = {
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString()
        };
        reads.usersPage(
                null,
                null,
                String.join(
                        ",",
                        TenantReads.userWithLicenses(ids[0], added.email(), skuId),
                        TenantReads.userWithLicenses(ids[1], removed.email()),
                        TenantReads.userWithLicenses(ids[2], underWay.email())),
                null,
                "licenses-read");
        String instance = reads.readTheTenantUntilUsers();
        long tenantSubscription = jdbc.sql("select id from subscription where tenant_sku_id = ?")
                .param(skuId)
                .query(Long.class)
                .single();
        // LicenseFlow believes two licenses: one Graph confirmed long ago, one it has not been sent yet.
        fixtures.license(tenantSubscription, List.of(removed.id(), underWay.id()));
        jdbc.sql("update license_assignment set tenant_state = 'APPLIED' where user_id = ?")
                .param(removed.id())
                .update();
        jdbc.sql("""
                        insert into tenant_change (license_id, user_id, product_id, change, requested_by, requested_at)
                        select id, user_id, product_id, 'ASSIGN', 'lars', current_timestamp from license_assignment
                        where user_id = ?""").param(underWay.id()).update();
        int before = fixtures.subscription(tenantSubscription).assignedSeats();

        reads.runJobsOf(instance);

        assertThat(fixtures.holds(added.id(), product.id()))
                .as("assigned in the admin center")
                .isTrue();
        assertThat(fixtures.holds(removed.id(), product.id()))
                .as("removed in the admin center")
                .isFalse();
        assertThat(fixtures.holds(underWay.id(), product.id()))
                .as("on its way to the tenant")
                .isTrue();
        assertThat(fixtures.subscription(tenantSubscription).assignedSeats()).isEqualTo(before);
        assertThat(changesOutsideLicenseFlow())
                .anyMatch(
                        d -> d.equals("Changed outside LicenseFlow: " + product.name() + " assigned in Microsoft 365"))
                .anyMatch(d -> d.startsWith("Changed outside LicenseFlow: " + product.name()
                        + " removed in Microsoft 365; mailbox data kept until"));
        assertThat(jdbc.sql("select count(*) from tenant_change where user_id in (?, ?)")
                        .params(added.id(), removed.id())
                        .query(Integer.class)
                        .single())
                .as("nothing sent back to the tenant: it is so already")
                .isZero();
        jdbc.sql("delete from tenant_change where user_id = ?")
                .param(underWay.id())
                .update();
    }

    @Test
    void appsAndServicesSwitchedInTheTenantAreSwitchedInLicenseFlow() {
        Product product = fixtures.product();
        String skuId = UUID.randomUUID().toString();
        reads.tenantHas(TenantReads.sku(skuId, product.id(), "Enabled", 10, 0, 1));
        var switched = fixtures.member();
        var assigned = fixtures.member();
        var unchanged = fixtures.member();
        String teamsOff = "{\"disabledPlans\":[\"57ff2da0-773e-42df-b2af-ffb7a2317929\"],\"skuId\":\"" + skuId + "\"}";
        String[] ids = {
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString(),
            UUID.randomUUID().toString()
        };
        reads.usersPage(
                null,
                null,
                String.join(
                        ",",
                        TenantReads.userWithLicenses(ids[0], switched.email())
                                .replace("\"assignedLicenses\":[]", "\"assignedLicenses\":[" + teamsOff + "]"),
                        TenantReads.userWithLicenses(ids[1], assigned.email())
                                .replace("\"assignedLicenses\":[]", "\"assignedLicenses\":[" + teamsOff + "]"),
                        TenantReads.userWithLicenses(ids[2], unchanged.email(), skuId)),
                null,
                "plans-read");
        String instance = reads.readTheTenantUntilUsers();
        long tenantSubscription = jdbc.sql("select id from subscription where tenant_sku_id = ?")
                .param(skuId)
                .query(Long.class)
                .single();
        // LicenseFlow believes all apps and services on; a plan Microsoft has no id for stays as LicenseFlow has it.
        String ownPlan = product.servicePlans().get(0).id();
        fixtures.license(tenantSubscription, List.of(switched.id(), unchanged.id()), ownPlan);
        int before = changesOutsideLicenseFlow().size();

        reads.runJobsOf(instance);

        assertThat(disabledPlans(switched.id(), product.id()))
                .as("Teams switched off in the admin center")
                .isEqualTo(ownPlan + ",TEAMS1");
        assertThat(disabledPlans(assigned.id(), product.id()))
                .as("assigned there with Teams off")
                .isEqualTo("TEAMS1");
        assertThat(disabledPlans(unchanged.id(), product.id())).isEqualTo(ownPlan);
        assertThat(changesOutsideLicenseFlow()
                        .subList(before, changesOutsideLicenseFlow().size()))
                .as("one switch and one assignment")
                .hasSize(2)
                .anyMatch(d -> d.startsWith("Changed outside LicenseFlow: " + product.name() + "'s apps and services "
                                + "switched in Microsoft 365 (")
                        && d.endsWith(" off)"));
        assertThat(jdbc.sql("select count(*) from tenant_change where user_id in (?, ?, ?)")
                        .params(switched.id(), assigned.id(), unchanged.id())
                        .query(Integer.class)
                        .single())
                .as("nothing sent back to the tenant: it is so already")
                .isZero();
    }

    private String disabledPlans(String userId, String productId) {
        return jdbc.sql("select disabled_plans from license_assignment where user_id = ? and product_id = ? "
                        + "and active_product_id is not null")
                .params(userId, productId)
                .query(String.class)
                .single();
    }

    // What a tenant does over weeks that a first read never shows.

    private List<String> audit(String userId) {
        return jdbc.sql("select details from audit_log where user_id = ? order by id")
                .param(userId)
                .query(String.class)
                .list();
    }

    private long incidents() {
        return engine.getRuntimeService()
                .createIncidentQuery()
                .processDefinitionKeyIn(TenantRead.KEY)
                .count();
    }

    @Test
    void aDeltaLinkGraphForgotStartsAWholeRoundAndWhoeverItNoLongerListsIsGone() {
        Product product = fixtures.product();
        String skuId = UUID.randomUUID().toString();
        reads.tenantHas(TenantReads.sku(skuId, product.id(), "Enabled", 10, 0, 2));
        var stays = fixtures.member();
        var goes = fixtures.member();
        String staysId = UUID.randomUUID().toString();
        String goesId = UUID.randomUUID().toString();
        reads.usersPage(
                null,
                null,
                TenantReads.userWithLicenses(staysId, stays.email(), skuId) + ","
                        + TenantReads.userWithLicenses(goesId, goes.email(), skuId),
                null,
                "first");
        reads.readTheTenant();
        assertThat(fixtures.holds(goes.id(), product.id())).isTrue();
        long tenantSubscription = jdbc.sql("select id from subscription where tenant_sku_id = ?")
                .param(skuId)
                .query(Long.class)
                .single();
        int seatsBefore = fixtures.subscription(tenantSubscription).assignedSeats();

        // Weeks later the delta token has expired; meanwhile one of them was deleted, which no delta page will say.
        GRAPH.server()
                .stubFor(get(urlPathEqualTo("/v1.0/users/delta"))
                        .withQueryParam("$deltatoken", equalTo("first"))
                        .willReturn(aResponse()
                                .withStatus(410)
                                .withHeader("Content-Type", "application/json")
                                .withBody("{\"error\":{\"code\":\"syncStateNotFound\",\"message\":\"The sync state "
                                        + "generation is not found. Please start a new full synchronization.\"}}")));
        reads.usersPage(null, null, TenantReads.userWithLicenses(staysId, stays.email(), skuId), null, "second");

        String instance = reads.readTheTenant();

        assertThat(incidents()).as("no incident, for good or once").isZero();
        assertThat(engine.getHistoryService()
                        .createHistoricActivityInstanceQuery()
                        .processInstanceId(instance)
                        .activityId("EndEvent_TenantRead")
                        .count())
                .isOne();
        GRAPH.server()
                .verify(
                        2,
                        getRequestedFor(urlPathEqualTo("/v1.0/users/delta"))
                                .withQueryParam("$deltatoken", absent())
                                .withQueryParam("$skiptoken", absent()));
        assertThat(fixtures.holds(stays.id(), product.id())).isTrue();
        assertThat(fixtures.holds(goes.id(), product.id()))
                .as("not in the whole round: no longer in the tenant")
                .isFalse();
        assertThat(fixtures.subscription(tenantSubscription).assignedSeats()).isEqualTo(seatsBefore - 1);
        assertThat(reads.directoryRow(goesId)).endsWith("|false");
        assertThat(audit(goes.id()))
                .anyMatch(d -> d.startsWith("Changed outside LicenseFlow: " + product.name()
                        + " removed: the user is no longer in the Microsoft 365 tenant; mailbox data kept until"));

        // The next read goes on from the new round's link.
        reads.usersPage("$deltatoken", "second", "", null, "third");
        reads.readTheTenant();
        assertThat(incidents()).isZero();
    }

    @Test
    void aUserDeletedInTheTenantLosesTheirLicensesAndSeatsInLicenseFlowToo() {
        Product product = fixtures.product();
        String skuId = UUID.randomUUID().toString();
        reads.tenantHas(TenantReads.sku(skuId, product.id(), "Enabled", 10, 0, 1));
        var deleted = fixtures.member();
        String deletedId = UUID.randomUUID().toString();
        reads.usersPage(null, null, TenantReads.userWithLicenses(deletedId, deleted.email(), skuId), null, "first");
        reads.readTheTenant();
        long tenantSubscription = jdbc.sql("select id from subscription where tenant_sku_id = ?")
                .param(skuId)
                .query(Long.class)
                .single();
        int seatsBefore = fixtures.subscription(tenantSubscription).assignedSeats();

        reads.usersPage(
                "$deltatoken",
                "first",
                "{\"id\":\"" + deletedId + "\",\"@removed\":{\"reason\":\"changed\"}}",
                null,
                "second");
        reads.readTheTenant();

        assertThat(fixtures.holds(deleted.id(), product.id())).isFalse();
        assertThat(fixtures.subscription(tenantSubscription).assignedSeats()).isEqualTo(seatsBefore - 1);
        assertThat(reads.directoryRow(deletedId)).endsWith("|false");
        assertThat(audit(deleted.id()))
                .anyMatch(d -> d.startsWith("Changed outside LicenseFlow: " + product.name()
                        + " removed: the user was deleted in Microsoft 365; mailbox data kept until"));
        assertThat(jdbc.sql("select count(*) from tenant_change where user_id = ?")
                        .param(deleted.id())
                        .query(Integer.class)
                        .single())
                .as("nothing sent to the tenant: it is so already")
                .isZero();
    }

    @Test
    void aUsageLocationClearedInTheTenantIsClearedHereAndOneTheTenantDidNotSendStays() {
        var cleared = fixtures.member();
        var untouched = fixtures.member();
        String clearedId = UUID.randomUUID().toString();
        String untouchedId = UUID.randomUUID().toString();
        reads.usersPage(
                null,
                null,
                TenantReads.userWithLicenses(clearedId, cleared.email()) + ","
                        + TenantReads.userWithLicenses(untouchedId, untouched.email()),
                null,
                "first");
        reads.readTheTenant();
        assertThat(reads.directoryRow(clearedId)).contains("|NL|");

        reads.usersPage(
                "$deltatoken",
                "first",
                "{\"id\":\"" + clearedId + "\",\"usageLocation\":null},{\"id\":\"" + untouchedId
                        + "\",\"displayName\":\"Renamed\"}",
                null,
                "second");
        reads.readTheTenant();

        assertThat(jdbc.sql("select usage_location from directory_user where tenant_user_id = ?")
                        .param(clearedId)
                        .query(String.class)
                        .optional())
                .as("sent as null: cleared")
                .isEmpty();
        assertThat(reads.directoryRow(untouchedId))
                .as("not sent: unchanged")
                .isEqualTo("Renamed|" + untouched.email() + "|MEMBER|NL|true");
        Api.Response refused =
                Api.at(port).as(fixtures.admin(GLOBAL_ADMIN).id()).get("/api/users/" + cleared.id());
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.json().path("usageLocation").isNull()
                        || refused.json().path("usageLocation").isMissingNode())
                .isTrue();
    }
}
