/**
 * Console: the admin center's pages in the browser (Licenses, Users, Requests, Audit trail, My licenses),
 * server-rendered from the other modules' facades, with the same roles the API enforces.
 */
@ApplicationModule(displayName = "Console")
package com.licenseflow.console;

import org.springframework.modulith.ApplicationModule;
