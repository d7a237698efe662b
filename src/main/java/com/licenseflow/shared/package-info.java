/**
 * Shared: Rules, words and row conversions every module uses.
 */
@ApplicationModule(displayName = "Shared", type = ApplicationModule.Type.OPEN)
package com.licenseflow.shared;

import org.springframework.modulith.ApplicationModule;
