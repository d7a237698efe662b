package com.licenseflow.tenant;

import com.licenseflow.inventory.TenantWrites;
import org.springframework.stereotype.Component;

/**
 * The tenant LicenseFlow is connected to: {@link TenantSettings} as configured at start. Held here rather than
 * read from the record everywhere so that one running application can be pointed at another tenant without a
 * new Spring context (the tests point it at a local Graph stand-in; Camunda allows one engine per name per JVM).
 */
@Component
class TenantConnection implements TenantWrites {

    private volatile TenantSettings settings;

    TenantConnection(TenantSettings settings) {
        this.settings = settings;
    }

    TenantSettings settings() {
        return settings;
    }

    boolean connected() {
        return settings.connected();
    }

    /** With a tenant connected, the ledger records each license change for the tenant too. */
    @Override
    public boolean enabled() {
        return connected();
    }

    /** Connects to another tenant (Graph's client makes its token and connections anew). */
    void use(TenantSettings other) {
        settings = other;
    }
}
