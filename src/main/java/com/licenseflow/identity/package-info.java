/**
 * Identity: Logins, Camunda users, groups and authorizations, the engine's doors.
 */
@ApplicationModule(displayName = "Identity")
package com.licenseflow.identity;

import org.springframework.modulith.ApplicationModule;
