package com.licenseflow.notification;

/** QUEUED: recorded, not yet accepted by the SMTP server. SENT: accepted; never sent again. */
public enum NotificationStatus {
    QUEUED,
    SENT
}
