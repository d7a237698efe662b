/**
 * Lifecycle: the work that keeps the bill honest once licenses are out - low-seat alerts to billing
 * admins (and, coming, reclaiming idle licenses, renewals, recertification).
 */
@ApplicationModule(displayName = "Lifecycle")
package com.licenseflow.lifecycle;

import org.springframework.modulith.ApplicationModule;
