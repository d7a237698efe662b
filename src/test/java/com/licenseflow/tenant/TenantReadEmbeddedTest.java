package com.licenseflow.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import java.net.URI;
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
        Job timer = management.createJobQuery().processDefinitionKey(TenantRead.KEY).timers().singleResult();
        management.executeJob(timer.getId());

        assertThat(management.createJobQuery().processDefinitionKey(TenantRead.KEY).activityId("Activity_ReadTenantProducts")
                .count()).isZero();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId("EndEvent_NothingToRead")
                .count()).isPositive();
        assertThat(fixtures.snapshot()).isEqualTo(before);
    }

    @Test
    void aTenantWithoutItsAppRegistrationIsRefusedAtStartInWords() {
        assertThatThrownBy(() -> new TenantSettings(TenantSettings.TenantMode.MICROSOFT_GRAPH, "tenant", "client", " ",
                URI.create("https://graph.microsoft.com/v1.0"), URI.create("https://login.microsoftonline.com"), null,
                Duration.ofHours(1), null))
                .hasMessage("licenseflow.tenant.mode is microsoft-graph, so licenseflow.tenant.client-secret must be set "
                        + "(LICENSEFLOW_TENANT_CLIENT_SECRET): see the README, \"Connecting a Microsoft 365 tenant\"");
        assertThatThrownBy(() -> new TenantSettings(TenantSettings.TenantMode.EMBEDDED, null, null, null, null, null, null,
                Duration.ofSeconds(5), null)).hasMessageContaining("read-every must be at least a minute");
    }
}
