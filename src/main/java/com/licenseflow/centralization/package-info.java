/**
 * Centralization: S5: self-service purchases of a product gathered onto a central subscription.
 */
@ApplicationModule(displayName = "Centralization")
package com.licenseflow.centralization;

import org.springframework.modulith.ApplicationModule;
