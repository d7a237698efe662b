package com.licenseflow.notification;

import com.samskivert.mustache.MustacheException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends notifications so that none is lost and none goes out twice. The step that decides
 * something records its emails in its own transaction ({@link #record}, an outbox); an email step
 * of the process, an external task the {@link MailWorker} carries out after that transaction
 * committed, then {@linkplain #deliver delivers} them. A rolled-back decision leaves nothing to send.
 *
 * <p>Delivery is at most once per idempotency key, whatever fails: each attempt is committed
 * before the SMTP server is asked and its outcome right after, so a failed attempt is retried and a
 * sent message never is; an attempt cut off in between (the node died) is reported rather than
 * repeated. The Message-ID is derived from the key as well, so a receiving system can drop a copy
 * should an admin send such a message again.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    private static final int MAX_FAILURE_TEXT = 300;

    private final NotificationStore store;
    private final MailTemplates templates;
    private final SmtpMailer mailer;

    public NotificationService(NotificationStore store, MailTemplates templates, SmtpMailer mailer) {
        this.store = store;
        this.templates = templates;
        this.mailer = mailer;
    }

    /** {@link #deliver(List, Runnable)} without anything to do between messages. */
    public void deliver(List<Notification> notifications) {
        deliver(notifications, () -> {});
    }

    /**
     * Records each message not recorded yet, then sends every one not sent yet, one attempt each.
     * Call it outside any transaction: each step commits on its own. A message that is refused (an
     * invalid recipient, a model missing a key) is not recorded; the others still go out.
     *
     * @param beforeEach run before each message is sent (the worker extends its lock on the step)
     * @throws NotificationDeliveryException naming every message that was refused, not accepted by
     *                                       SMTP, or whose earlier attempt was cut off
     */
    public void deliver(List<Notification> notifications, Runnable beforeEach) {
        Map<String, Notification> byKey = new LinkedHashMap<>();
        notifications.forEach(n -> byKey.putIfAbsent(n.idempotencyKey(), n));
        List<String> failures = new ArrayList<>();
        boolean outcomeUnknown = false;
        for (Notification notification : byKey.values()) {
            NotificationRecord recorded;
            try {
                recorded = store.insert(
                        notification,
                        MailHeaders.recipient(notification.recipientEmail(), notification.recipientName()),
                        templates.render(notification));
            } catch (IllegalArgumentException | MustacheException refused) {
                failures.add(label(notification.idempotencyKey(), notification.recipientEmail()) + " was refused: "
                        + refused.getMessage());
                continue;
            }
            if (recorded.sent()) {
                continue;
            }
            beforeEach.run();
            switch (store.startAttempt(recorded.id())) {
                case SENT_ALREADY -> {}
                case OUTCOME_UNKNOWN -> {
                    outcomeUnknown = true;
                    failures.add(label(recorded.idempotencyKey(), recorded.recipientEmail()) + " may have been "
                            + "delivered by an attempt that was cut off");
                }
                case STARTED -> send(recorded).ifPresent(failures::add);
            }
        }
        if (!failures.isEmpty()) {
            throw new NotificationDeliveryException(byKey.size(), failures, outcomeUnknown);
        }
    }

    /**
     * Records the messages in the caller's transaction - the step that decided them - so that they
     * exist exactly when that decision is committed (an outbox). Sending is left to {@link #deliver},
     * called with the same messages from an asynchronous step after the commit. A message that
     * cannot be recorded (an invalid recipient, a model missing a key) is skipped here rather than
     * refusing the decision; deliver meets it again and reports it, so it ends as an incident.
     */
    @Transactional
    public void record(List<Notification> notifications) {
        for (Notification notification : notifications) {
            try {
                store.insertWithCaller(
                        notification,
                        MailHeaders.recipient(notification.recipientEmail(), notification.recipientName()),
                        templates.render(notification));
            } catch (IllegalArgumentException | MustacheException refused) {
                log.warn(
                        "Notification {} not recorded with its decision, left to the sending step: {}",
                        notification.idempotencyKey(),
                        refused.getMessage());
            }
        }
    }

    /** Sends one message and records the outcome; returns what went wrong, if anything. */
    private Optional<String> send(NotificationRecord notification) {
        try {
            mailer.send(notification);
        } catch (MailException e) {
            String error = error(e);
            store.markNotAccepted(notification.id(), error);
            log.warn(
                    "Notification {} to {} not accepted by the SMTP server: {}",
                    notification.idempotencyKey(),
                    notification.recipientEmail(),
                    error);
            return Optional.of(label(notification.idempotencyKey(), notification.recipientEmail()) + " failed: "
                    + (error.length() <= MAX_FAILURE_TEXT ? error : error.substring(0, MAX_FAILURE_TEXT) + "..."));
        }
        store.markSent(notification.id());
        log.info(
                "Notification {} ({}) sent to {}",
                notification.idempotencyKey(),
                notification.kind(),
                notification.recipientEmail());
        return Optional.empty();
    }

    private static String label(String key, String recipient) {
        return "'" + key + "' to " + MailHeaders.singleLine(recipient);
    }

    private static String error(MailException e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        return cause == e ? e.getMessage() : e.getClass().getSimpleName() + ": " + cause;
    }
}
