package com.licenseflow.domain.selfservice;

import com.licenseflow.domain.Rows;
import com.licenseflow.domain.Rule;
import com.licenseflow.domain.Words;
import com.licenseflow.domain.assignment.LicenseAssignment;
import com.licenseflow.domain.audit.AuditAction;
import com.licenseflow.domain.audit.AuditTrail;
import com.licenseflow.domain.audit.ChangeContext;
import com.licenseflow.domain.catalog.ProductCatalog;
import com.licenseflow.domain.subscription.Subscription;
import com.licenseflow.domain.subscription.SubscriptionRepository;
import com.licenseflow.domain.subscription.SubscriptionStatus;
import com.licenseflow.domain.takeover.TakeoverRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A purchaser cancels their own self-service subscription (S5: as a centralization asks them to).
 * It becomes Deleted at once; whoever still holds a license of it loses it, their mailbox data kept
 * 30 days (A8). Only the purchaser may, and not while an admin is taking it over.
 */
@Service
public class SelfServiceCancellation {

    private static final String AUDIT_COLUMNS = "insert into audit_log (occurred_at, actor, action, user_id, product_id, "
            + "subscription_id, details, reason, process_instance_id) ";

    /** The subscription keeps its cancellation reason in 200 characters. */
    private static final int MAX_REASON = 200;

    private final SubscriptionRepository subscriptions;
    private final TakeoverRepository takeovers;
    private final ProductCatalog catalog;
    private final AuditTrail audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    public SelfServiceCancellation(SubscriptionRepository subscriptions, TakeoverRepository takeovers,
                                   ProductCatalog catalog, AuditTrail audit, JdbcClient jdbc, Clock clock) {
        this.subscriptions = subscriptions;
        this.takeovers = takeovers;
        this.catalog = catalog;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What {@code purchaserId} can cancel right now: their subscriptions not cancelled and not being taken over. */
    public List<CancellableSubscription> cancellable(String purchaserId) {
        return subscriptions.boughtBy(purchaserId).stream()
                .filter(s -> takeovers.running(s.id()).isEmpty())
                .map(s -> new CancellableSubscription(s, catalog.require(s.productId()).name()))
                .sorted(Comparator.comparing(CancellableSubscription::productName))
                .toList();
    }

    /** Cancels the subscription in the purchaser's name; returns how many users lost their license. */
    @Transactional(propagation = Propagation.NESTED)
    public int cancel(ChangeContext context, long subscriptionId) {
        if (context.reason() != null && context.reason().length() > MAX_REASON) {
            throw Rule.INVALID_INPUT.violation("Say why in at most " + MAX_REASON + " characters; this reason has "
                    + context.reason().length() + ". Nothing was cancelled.");
        }
        Subscription subscription = subscriptions.require(subscriptionId);
        String product = catalog.require(subscription.productId()).name();
        if (!subscription.isSelfService()) {
            throw Rule.SUBSCRIPTION_NOT_SELF_SERVICE.violation("This " + product + " subscription is a central "
                    + "subscription; only self-service purchases are cancelled by their purchaser.");
        }
        if (!subscription.purchaserId().equals(context.actorId())) {
            throw Rule.NOT_THE_PURCHASER.violation("Only the person who bought this " + product + " subscription can "
                    + "cancel it. An administrator can take it over instead.");
        }
        if (subscription.status() == SubscriptionStatus.DELETED) {
            throw Rule.SUBSCRIPTION_NOT_USABLE.violation("This " + product + " subscription is already cancelled "
                    + "(Deleted).");
        }
        takeovers.running(subscriptionId).ifPresent(running -> {
            throw Rule.TAKEOVER_RUNNING.violation("An administrator has been taking over this " + product
                    + " subscription since " + Words.moment(running.startedAt(), clock.getZone()) + ", so it can no "
                    + "longer be changed by its purchaser.");
        });
        Instant now = Instant.now(clock);
        LocalDate keptUntil = LocalDate.now(clock).plusDays(LicenseAssignment.MAILBOX_DATA_KEPT_DAYS);
        // Audit rows first: the same rows the update below removes, read before it.
        jdbc.sql(AUDIT_COLUMNS + """
                        select :now, :actor, 'LICENSE_UNASSIGNED', a.user_id, a.product_id, a.subscription_id,
                               :text || a.user_id, :reason, :pi
                        from license_assignment a where a.subscription_id = :id and a.active_product_id is not null""")
                .param("now", Rows.timestamp(now)).param("actor", context.actorId()).param("reason", context.reason())
                .param("pi", context.processInstanceId()).param("id", subscriptionId)
                .param("text", "License removed: self-service subscription " + subscriptionId + " cancelled by its "
                        + "purchaser; mailbox data kept until " + keptUntil + "; user ")
                .update();
        int users = jdbc.sql("""
                        update license_assignment set active_product_id = null, unassigned_at = :now,
                               unassigned_by = :actor, data_retained_until = :keptUntil
                        where subscription_id = :id and active_product_id is not null""")
                .param("now", Rows.timestamp(now)).param("actor", context.actorId()).param("keptUntil", keptUntil)
                .param("id", subscriptionId).update();
        if (users > 0) {
            subscriptions.returnSeats(subscriptionId, users);
        }
        String reason = context.reason() == null || context.reason().isBlank() ? "Cancelled by its purchaser"
                : context.reason();
        subscriptions.changeStatus(subscriptionId, SubscriptionStatus.DELETED, reason, now);
        subscriptions.changeRecurringBilling(subscriptionId, false);
        audit.record(context, AuditAction.SUBSCRIPTION_STATUS_CHANGED, subscription.purchaserId(),
                subscription.productId(), subscriptionId, "Self-service subscription " + subscriptionId + " ("
                        + product + ") cancelled by its purchaser: " + subscription.status() + " -> DELETED, " + users
                        + " users lost access; their mailbox data is kept until " + keptUntil);
        return users;
    }
}
