package com.licenseflow.takeover;

import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.notification.Notification;
import com.licenseflow.notification.NotificationKind;
import com.licenseflow.tenant.LicenseChangeRefusals;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Which emails a subscription takeover sends: the purchaser learns that their users were moved and
 * the subscription cancelled (S6; or kept for the users Microsoft 365 refused to move), that it was
 * cancelled (S7), or that it ends at the end of its term (A10). Idempotency keys name the takeover, the occasion and the purchaser, so a retried step never
 * mails twice. A subscription can have thousands of users: the mail names the first ones and counts
 * the rest.
 */
@Component
public class TakeoverMails {

    static final int USERS_LISTED = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

    private final SubscriptionTakeovers takeovers;
    private final LicenseChangeRefusals refusals;

    public TakeoverMails(SubscriptionTakeovers takeovers, LicenseChangeRefusals refusals) {
        this.takeovers = takeovers;
        this.refusals = refusals;
    }

    /** S6: the users moved and the subscription cancelled, or kept for the users Microsoft 365 refused to move. */
    public List<Notification> moved(long takeoverId) {
        TakeoverSubject subject = takeovers.subject(takeoverId, 0);
        Map<String, Object> model = product(subject);
        model.put("users", users(takeovers.takenUsers(takeoverId, USERS_LISTED)));
        if (subject.takeover().usersStayed() == 0) {
            return toPurchaser(
                    subject, "moved-and-cancelled", NotificationKind.SUBSCRIPTION_MOVED_AND_CANCELLED, model);
        }
        model.put(
                "stayed",
                refusals.lastRefusals(subject.takeover().processInstanceId()).stream()
                        .map(r -> r.userName() + ": " + r.words())
                        .toList());
        return toPurchaser(subject, "moved-in-part", NotificationKind.SUBSCRIPTION_MOVED_IN_PART, model);
    }

    public List<Notification> cancelled(long takeoverId) {
        TakeoverSubject subject = takeovers.subject(takeoverId, 0);
        Map<String, Object> model = product(subject);
        model.put("reason", subject.takeover().cancellationReason());
        model.put("users", users(takeovers.takenUsers(takeoverId, USERS_LISTED)));
        return toPurchaser(subject, "cancelled", NotificationKind.SUBSCRIPTION_CANCELLED, model);
    }

    public List<Notification> endsAtTerm(long takeoverId) {
        TakeoverSubject subject = takeovers.subject(takeoverId, 0);
        Map<String, Object> model = product(subject);
        model.put("endsOn", DAY.format(subject.subscription().expiresOn()));
        return toPurchaser(subject, "ends-at-term", NotificationKind.SUBSCRIPTION_ENDS_AT_TERM, model);
    }

    private static Map<String, Object> product(TakeoverSubject subject) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("product", subject.productName());
        return model;
    }

    private static List<String> users(TakenUsers taken) {
        List<String> names = new ArrayList<>(taken.firstNames());
        int more = taken.count() - names.size();
        if (more > 0) {
            names.add("... and " + more + " more");
        }
        return names;
    }

    private static List<Notification> toPurchaser(
            TakeoverSubject subject, String occasion, NotificationKind kind, Map<String, Object> model) {
        DirectoryUser purchaser = subject.purchaser();
        if (purchaser == null) {
            return List.of();
        }
        return List.of(new Notification(
                "subscription-takeover:" + subject.takeover().id() + ":" + occasion + ":" + purchaser.id(),
                kind,
                purchaser.email(),
                purchaser.displayName(),
                model,
                subject.takeover().processInstanceId(),
                subject.subscription().id(),
                null));
    }
}
