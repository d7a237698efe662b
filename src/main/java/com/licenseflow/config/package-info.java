/**
 * Configuration: Start-up, the engine's schema, back-pressure, node identity.
 */
@ApplicationModule(displayName = "Configuration", type = ApplicationModule.Type.OPEN)
package com.licenseflow.config;

import org.springframework.modulith.ApplicationModule;
