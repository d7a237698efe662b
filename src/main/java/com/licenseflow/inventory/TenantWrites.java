package com.licenseflow.inventory;

/**
 * Whether a Microsoft 365 tenant is to make every license change LicenseFlow makes. The tenant module answers;
 * the ledger then records each change as a tenant change in the same transaction, for the tenant module to send.
 */
public interface TenantWrites {

    boolean enabled();
}
