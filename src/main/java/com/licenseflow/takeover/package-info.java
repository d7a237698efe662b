/**
 * Takeover: S6, S7, A10: an admin takes over a self-service subscription, moves its users or cancels it.
 */
@ApplicationModule(displayName = "Takeover")
package com.licenseflow.takeover;

import org.springframework.modulith.ApplicationModule;
