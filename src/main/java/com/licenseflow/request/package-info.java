/**
 * License requests: R1-R10: employees ask, approvers decide in Tasklist.
 */
@ApplicationModule(displayName = "License requests")
package com.licenseflow.request;

import org.springframework.modulith.ApplicationModule;
