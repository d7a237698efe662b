package com.licenseflow.tenant;

import com.licenseflow.workflow.ProcessBean;
import org.springframework.stereotype.Component;

/** What tenant-read.bpmn asks: how often it runs, and whether a Microsoft 365 tenant is connected at all. */
@Component("tenantRead")
@ProcessBean
public class TenantRead {

    public static final String KEY = "tenant-read";

    private final TenantConnection connection;

    TenantRead(TenantConnection connection) {
        this.connection = connection;
    }

    /** ISO 8601 repeating interval of the timer start event. */
    public String getReadCycle() {
        return "R/" + connection.settings().readEvery();
    }

    public boolean isConnected() {
        return connection.connected();
    }
}
