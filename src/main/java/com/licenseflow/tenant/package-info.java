/**
 * Tenant: the Microsoft 365 tenant LicenseFlow governs when {@code licenseflow.tenant.mode} is
 * {@code microsoft-graph} - reading its products, seats and users through Microsoft Graph.
 */
@ApplicationModule(displayName = "Tenant")
package com.licenseflow.tenant;

import org.springframework.modulith.ApplicationModule;
