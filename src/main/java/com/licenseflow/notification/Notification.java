package com.licenseflow.notification;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One email to one recipient. The idempotency key identifies the message for ever: recording or
 * delivering it twice has no effect (the first recorded content stands). Derive it from what the
 * message is about, e.g. {@code "license-request/" + requestId + "/decision/" + userId}, never from
 * time or a random value, so a retried step produces the same key. The model holds the keys
 * {@link NotificationKind} lists for the kind; the related ids are recorded and may be null.
 */
public record Notification(
        String idempotencyKey,
        NotificationKind kind,
        String recipientEmail,
        String recipientName,
        Map<String, Object> model,
        String processInstanceId,
        Long subscriptionId,
        String licenseRequestId) {

    static final int MAX_KEY_LENGTH = 400;

    public Notification {
        Objects.requireNonNull(kind, "A notification needs a kind");
        Objects.requireNonNull(recipientEmail, "A notification needs a recipient email address");
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("A notification needs an idempotency key of 1 to " + MAX_KEY_LENGTH
                    + " characters that names what it is about; got '" + idempotencyKey + "'");
        }
        // Optional model values may be null, which Map.copyOf refuses.
        model = model == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(model));
    }
}
