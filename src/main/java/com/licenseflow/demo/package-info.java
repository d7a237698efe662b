/**
 * Demo data: Products, subscriptions and users to try LicenseFlow with.
 */
@ApplicationModule(displayName = "Demo data")
package com.licenseflow.demo;

import org.springframework.modulith.ApplicationModule;
