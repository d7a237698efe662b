package com.licenseflow.tenant;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.licenseflow.support.GraphStandIn;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the tenant tests' Graph stand-in answers "Read the tenant" with (Graph's documented payloads of
 * {@code /subscribedSkus} and {@code /users/delta}), and a run of "Read the tenant" job by job, as the job executor
 * would run it.
 */
final class TenantReads {

    private final GraphStandIn graph;
    private final ProcessEngine engine;
    private final JdbcClient jdbc;

    TenantReads(GraphStandIn graph, ProcessEngine engine, JdbcClient jdbc) {
        this.graph = graph;
        this.engine = engine;
        this.jdbc = jdbc;
    }

    /**
     * The stand-in answering tokens and an empty tenant, LicenseFlow reading it from the beginning with a new token
     * and no read of an earlier test left running.
     */
    void startClean(GraphClient client) {
        graph.server().resetAll();
        graph.server()
                .stubFor(post(urlPathEqualTo("/" + GraphStandIn.TENANT + "/oauth2/v2.0/token"))
                        .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                                + "\"access_token\":\"" + GraphStandIn.TOKEN + "\"}")));
        jdbc.sql("delete from tenant_read_state").update();
        client.forgetToken();
        engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(TenantRead.KEY)
                .list()
                .forEach(left ->
                        engine.getRuntimeService().deleteProcessInstance(left.getId(), "a test before left it"));
        usersPage(null, null, "", null, "nothing-yet");
        usersPage("$deltatoken", null, "", null, "nothing-since");
        tenantHas();
    }

    /**
     * A page of GET /users/delta: the first (no token), or the one whose {@code tokenName} is {@code token} (null:
     * any), with a link to the next page or, on the last, the deltaLink the next read starts from. A later stub
     * wins over an earlier one that matches too.
     */
    void usersPage(String tokenName, String token, String users, String nextPage, String deltaToken) {
        var request = get(urlPathEqualTo("/v1.0/users/delta"));
        request = tokenName == null
                ? request.withQueryParam("$skiptoken", absent()).withQueryParam("$deltatoken", absent())
                : request.withQueryParam(tokenName, token == null ? matching(".+") : equalTo(token));
        String link = nextPage != null
                ? ",\"@odata.nextLink\":\"" + graph.base() + "/v1.0/users/delta?$skiptoken=" + nextPage + "\""
                : ",\"@odata.deltaLink\":\"" + graph.base() + "/v1.0/users/delta?$deltatoken=" + deltaToken + "\"";
        graph.server()
                .stubFor(request.willReturn(okJson("{\"@odata.context\":\"https://graph.microsoft.com/v1.0/"
                        + "$metadata#users(id,userPrincipalName,displayName,mail,userType,usageLocation,accountEnabled,"
                        + "assignedLicenses)\",\"value\":[" + users + "]" + link + "}")));
    }

    /** Graph's user, as a delta page sends it. */
    static String user(String id, String upn, String name, String mail, String type, String location, boolean enabled) {
        return """
                {"id":"%s","userPrincipalName":"%s","displayName":"%s","mail":%s,"userType":"%s","usageLocation":"%s",
                 "accountEnabled":%s,"assignedLicenses":[]}""".formatted(id, upn, name, mail == null ? "null" : "\"" + mail + "\"", type, location, enabled);
    }

    /** Graph's subscribedSku, as documented: https://learn.microsoft.com/graph/api/resources/subscribedsku */
    static String sku(
            String skuId, String partNumber, String capabilityStatus, int enabled, int warning, int consumed) {
        return """
                {"capabilityStatus":"%s","consumedUnits":%d,"id":"%s_%s","skuId":"%s","skuPartNumber":"%s",
                 "appliesTo":"User","prepaidUnits":{"enabled":%d,"suspended":0,"warning":%d,"lockedOut":0},
                 "servicePlans":[
                   {"servicePlanId":"9aaf7827-d63c-4b61-89c3-182f06f82e5c","servicePlanName":"EXCHANGE_S_STANDARD",
                    "provisioningStatus":"Success","appliesTo":"User"},
                   {"servicePlanId":"57ff2da0-773e-42df-b2af-ffb7a2317929","servicePlanName":"TEAMS1",
                    "provisioningStatus":"Success","appliesTo":"User"},
                   {"servicePlanId":"113feb6c-3fe4-4440-bddc-54d774bf0318","servicePlanName":"EXCHANGE_S_FOUNDATION",
                    "provisioningStatus":"Success","appliesTo":"Company"}]}""".formatted(
                        capabilityStatus, consumed, GraphStandIn.TENANT, skuId, skuId, partNumber, enabled, warning);
    }

    void tenantHas(String... skus) {
        graph.server()
                .stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus"))
                        .willReturn(okJson(
                                "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#subscribedSkus\","
                                        + "\"value\":[" + String.join(",", skus) + "]}")));
    }

    /** One run of "Read the tenant", as the job executor would: its timer fires, then each of its jobs runs. */
    String readTheTenant() {
        String instance = readTheTenantUntilUsers();
        runJobsOf(instance);
        return instance;
    }

    /** Runs the instance's jobs one after the other until it has none; returns how many ran per step. */
    java.util.Map<String, Integer> runJobsOf(String instance) {
        var management = engine.getManagementService();
        java.util.Map<String, Integer> ran = new java.util.TreeMap<>();
        for (boolean any = true; any; ) {
            any = false;
            for (String activity : List.of("Activity_ReadTenantProducts", "Activity_ReadAPageOfTenantUsers")) {
                Job job = management
                        .createJobQuery()
                        .processInstanceId(instance)
                        .activityId(activity)
                        .singleResult();
                if (job != null) {
                    management.executeJob(job.getId());
                    ran.merge(activity, 1, Integer::sum);
                    any = true;
                }
            }
        }
        return ran;
    }

    /** Graph's user with these licenses (skuIds), as a delta page sends it. */
    static String userWithLicenses(String id, String mail, String... skuIds) {
        String licenses = java.util.Arrays.stream(skuIds)
                .map(s -> "{\"disabledPlans\":[],\"skuId\":\"" + s + "\"}")
                .collect(java.util.stream.Collectors.joining(","));
        return user(id, mail, "Someone " + id.substring(0, 4), mail, "Member", "NL", true)
                .replace("\"assignedLicenses\":[]", "\"assignedLicenses\":[" + licenses + "]");
    }

    /** Fires the timer that starts "Read the tenant"; returns the job of its first step, "Read tenant products". */
    Job startRead() {
        var management = engine.getManagementService();
        Job timer = management
                .createJobQuery()
                .processDefinitionKey(TenantRead.KEY)
                .timers()
                .singleResult();
        management.executeJob(timer.getId());
        return management
                .createJobQuery()
                .processDefinitionKey(TenantRead.KEY)
                .activityId("Activity_ReadTenantProducts")
                .singleResult();
    }

    /** Runs the timer and the products step, and stops before the first page of users. */
    String readTheTenantUntilUsers() {
        Job products = startRead();
        engine.getManagementService().executeJob(products.getId());
        return products.getProcessInstanceId();
    }

    String directoryRow(String tenantUserId) {
        return jdbc.sql("""
                        select display_name || '|' || email || '|' || user_type || '|' || usage_location || '|'
                               || case when account_enabled then 'true' else 'false' end
                        from directory_user where tenant_user_id = ?""").param(tenantUserId).query(String.class).single();
    }
}
