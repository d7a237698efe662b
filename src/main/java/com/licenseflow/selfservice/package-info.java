/**
 * Self-service: S1-S5: purchases by users, and a purchaser cancelling their own.
 */
@ApplicationModule(displayName = "Self-service")
package com.licenseflow.selfservice;

import org.springframework.modulith.ApplicationModule;
