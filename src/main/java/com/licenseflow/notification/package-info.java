/**
 * Notification: Emails through an outbox: templates, delivery, the mail worker.
 */
@ApplicationModule(displayName = "Notification")
package com.licenseflow.notification;

import org.springframework.modulith.ApplicationModule;
