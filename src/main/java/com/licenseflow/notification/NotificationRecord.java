package com.licenseflow.notification;

import java.time.Instant;

/** A recorded notification: the message as rendered, what it relates to, and how its delivery went. */
public record NotificationRecord(
        long id,
        String idempotencyKey,
        NotificationKind kind,
        String recipientEmail,
        String recipientName,
        String subject,
        String textBody,
        String htmlBody,
        String processInstanceId,
        Long subscriptionId,
        String licenseRequestId,
        NotificationStatus status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt) {

    public boolean sent() {
        return status == NotificationStatus.SENT;
    }
}
