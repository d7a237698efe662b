package com.licenseflow.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** With the embedded inventory (the default) "Read the tenant" has nothing to read and changes nothing. */
@IntegrationTest
class TenantReadEmbeddedTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    Fixtures fixtures;

    @Test
    void withoutATenantTheRunEndsAtOnceAndChangesNothing() {
        String before = fixtures.snapshot();
        var management = engine.getManagementService();
        Job timer = management
                .createJobQuery()
                .processDefinitionKey(TenantRead.KEY)
                .timers()
                .singleResult();
        management.executeJob(timer.getId());

        assertThat(management
                        .createJobQuery()
                        .processDefinitionKey(TenantRead.KEY)
                        .activityId("Activity_ReadTenantProducts")
                        .count())
                .isZero();
        assertThat(engine.getHistoryService()
                        .createHistoricActivityInstanceQuery()
                        .activityId("EndEvent_NothingToRead")
                        .count())
                .isPositive();
        assertThat(fixtures.snapshot()).isEqualTo(before);
    }

    @Test
    void aTenantWithoutItsAppRegistrationIsRefusedAtStartInWords() {
        URI graph = URI.create("https://graph.microsoft.com/v1.0");
        URI entraId = URI.create("https://login.microsoftonline.com");
        assertThatThrownBy(() -> new TenantSettings(
                        TenantSettings.TenantMode.MICROSOFT_GRAPH,
                        " ",
                        "client",
                        "secret",
                        null,
                        graph,
                        entraId,
                        "https://graph.microsoft.com/.default",
                        null,
                        Duration.ofHours(1),
                        null))
                .hasMessage("licenseflow.tenant.mode is microsoft-graph, so licenseflow.tenant.tenant-id must be set "
                        + "(LICENSEFLOW_TENANT_TENANT_ID): see the README, \"Connecting a Microsoft 365 tenant\"");
        assertThatThrownBy(() -> new TenantSettings(
                        TenantSettings.TenantMode.MICROSOFT_GRAPH,
                        "tenant",
                        "client",
                        " ",
                        null,
                        graph,
                        entraId,
                        "https://graph.microsoft.com/.default",
                        null,
                        Duration.ofHours(1),
                        null))
                .hasMessage("licenseflow.tenant.mode is microsoft-graph, so one of licenseflow.tenant.client-secret "
                        + "(LICENSEFLOW_TENANT_CLIENT_SECRET) and licenseflow.tenant.client-certificate "
                        + "(LICENSEFLOW_TENANT_CLIENT_CERTIFICATE) must be set: see the README, \"Connecting a Microsoft "
                        + "365 tenant\"");
        assertThatThrownBy(() -> new TenantSettings(
                        TenantSettings.TenantMode.MICROSOFT_GRAPH,
                        "tenant",
                        "client",
                        "secret",
                        Path.of("app.pem"),
                        graph,
                        entraId,
                        "https://graph.microsoft.com/.default",
                        null,
                        Duration.ofHours(1),
                        null))
                .hasMessageContaining("so only one of licenseflow.tenant.client-secret");
        assertThatThrownBy(() -> new TenantSettings(
                        TenantSettings.TenantMode.MICROSOFT_GRAPH,
                        "tenant",
                        "client",
                        null,
                        Path.of("no-such-app.pem"),
                        graph,
                        entraId,
                        "https://graph.microsoft.com/.default",
                        null,
                        Duration.ofHours(1),
                        null))
                .hasMessageContaining("licenseflow.tenant.client-certificate: cannot read ")
                .hasMessageContaining("no-such-app.pem (a PEM file with the app's certificate and private key)");
        assertThatThrownBy(() -> new TenantSettings(
                        TenantSettings.TenantMode.EMBEDDED,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        Duration.ofSeconds(5),
                        null))
                .hasMessageContaining("read-every must be at least a minute");
    }

    @Test
    void aTenantWhoseSignInOrGraphIsNotHttpsIsRefusedAtStartInWords() {
        for (String[] urls : new String[][] {
            {"https://graph.microsoft.com/v1.0", "http://login.microsoftonline.com"},
            {"http://graph.microsoft.com/v1.0", "https://login.microsoftonline.com"}
        }) {
            assertThatThrownBy(() -> new TenantSettings(
                            TenantSettings.TenantMode.MICROSOFT_GRAPH,
                            "tenant",
                            "client",
                            "secret",
                            null,
                            URI.create(urls[0]),
                            URI.create(urls[1]),
                            "https://graph.microsoft.com/.default",
                            null,
                            Duration.ofHours(1),
                            new TenantSettings.Writes(
                                    true, 3000, Duration.ofSeconds(150), Duration.ofSeconds(1), Duration.ofMinutes(2))))
                    .hasMessageContaining("must be an https:// address")
                    .hasMessageContaining("not http://");
        }
    }
}
