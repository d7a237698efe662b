/**
 * Process support: What every process uses: decisions taken from the engine, form values, the engine's clock.
 */
@ApplicationModule(displayName = "Process support", type = ApplicationModule.Type.OPEN)
package com.licenseflow.workflow;

import org.springframework.modulith.ApplicationModule;
