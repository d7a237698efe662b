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

/**
 * Sends notifications so that none is lost and none goes out twice. Call it from a service task
 * with {@code camunda:asyncBefore="true"} and a {@code camunda:failedJobRetryTimeCycle}: the async
 * boundary commits the deciding step before anything is sent (a rolled-back decision never reaches
 * the notify job), and a failure here fails the job, which the job executor retries and, with its
 * retries used up, turns into an incident in Cockpit. Called anywhere else, a rollback after this
 * call cannot take back mail that was sent.
 *
 * <p>Delivery is at least once per idempotency key: should the application stop between the SMTP
 * server accepting a message and the record of it, the retry sends it again, with the same
 * Message-ID so that the receiving mail system can drop the duplicate.
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

    /**
     * Records each message (once per idempotency key) in a transaction of its own that commits at
     * once, then delivers over SMTP every one of them not delivered yet, marking each delivered in
     * its own committed transaction right after SMTP accepted it. A message that is refused (an
     * invalid recipient, a model missing a key) is not recorded; the others still go out.
     *
     * @throws NotificationDeliveryException naming every message that was refused or not accepted by SMTP
     */
    public void deliver(List<Notification> notifications) {
        Map<String, Notification> byKey = new LinkedHashMap<>();
        notifications.forEach(n -> byKey.putIfAbsent(n.idempotencyKey(), n));
        List<String> failures = new ArrayList<>();
        List<NotificationRecord> recorded = new ArrayList<>();
        for (Notification notification : byKey.values()) {
            try {
                recorded.add(recordOnce(notification));
            } catch (IllegalArgumentException | MustacheException refused) {
                failures.add(label(notification.idempotencyKey(), notification.recipientEmail()) + " was refused: "
                        + refused.getMessage());
            }
        }
        for (NotificationRecord notification : recorded) {
            if (!notification.sent()) {
                send(notification).ifPresent(failures::add);
            }
        }
        if (!failures.isEmpty()) {
            throw new NotificationDeliveryException(byKey.size(), failures);
        }
    }

    private NotificationRecord recordOnce(Notification notification) {
        Optional<NotificationRecord> earlier = store.find(notification.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        return store.insert(notification,
                MailHeaders.recipient(notification.recipientEmail(), notification.recipientName()),
                templates.render(notification));
    }

    /** Sends one message and records the outcome; returns what went wrong, if anything. */
    private Optional<String> send(NotificationRecord notification) {
        try {
            mailer.send(notification);
        } catch (MailException e) {
            String error = error(e);
            store.markFailed(notification.id(), error);
            log.warn("Notification {} to {} not accepted by the SMTP server: {}", notification.idempotencyKey(),
                    notification.recipientEmail(), error);
            return Optional.of(label(notification.idempotencyKey(), notification.recipientEmail()) + " failed: "
                    + (error.length() <= MAX_FAILURE_TEXT ? error : error.substring(0, MAX_FAILURE_TEXT) + "..."));
        }
        store.markSent(notification.id());
        log.info("Notification {} ({}) sent to {}", notification.idempotencyKey(), notification.kind(),
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
