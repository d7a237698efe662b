package com.licenseflow.notification.web;

import com.licenseflow.notification.NotificationKind;
import com.licenseflow.notification.NotificationRecord;
import com.licenseflow.notification.NotificationStatus;
import java.time.Instant;

/** A recorded notification; lists leave out the message itself (bodies and Message-ID). */
record NotificationJson(
        long id,
        String idempotencyKey,
        NotificationKind kind,
        String recipientEmail,
        String recipientName,
        String subject,
        NotificationStatus status,
        int attempts,
        String lastError,
        Instant createdAt,
        Instant sentAt,
        String processInstanceId,
        Long subscriptionId,
        String licenseRequestId,
        String messageId,
        String textBody,
        String htmlBody) {

    public static NotificationJson summary(NotificationRecord n) {
        return of(n, null, null, null);
    }

    public static NotificationJson full(NotificationRecord n, String messageId) {
        return of(n, messageId, n.textBody(), n.htmlBody());
    }

    private static NotificationJson of(NotificationRecord n, String messageId, String text, String html) {
        return new NotificationJson(
                n.id(),
                n.idempotencyKey(),
                n.kind(),
                n.recipientEmail(),
                n.recipientName(),
                n.subject(),
                n.status(),
                n.attempts(),
                n.lastError(),
                n.createdAt(),
                n.sentAt(),
                n.processInstanceId(),
                n.subscriptionId(),
                n.licenseRequestId(),
                messageId,
                text,
                html);
    }
}
