package com.licenseflow.selfservice;

import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.TakeoverLock;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.inventory.subscription.SubscriptionStatus;
import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
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

    /** The subscription keeps its cancellation reason in 200 characters. */
    private static final int MAX_REASON = 200;

    private final SubscriptionRepository subscriptions;
    private final TakeoverLock takeovers;
    private final ProductCatalog catalog;
    private final LicenseLedger ledger;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public SelfServiceCancellation(
            SubscriptionRepository subscriptions,
            TakeoverLock takeovers,
            ProductCatalog catalog,
            LicenseLedger ledger,
            Clock clock,
            ApplicationEventPublisher events) {
        this.subscriptions = subscriptions;
        this.takeovers = takeovers;
        this.catalog = catalog;
        this.ledger = ledger;
        this.clock = clock;
        this.events = events;
    }

    /** What {@code purchaserId} can cancel right now: their subscriptions not cancelled and not being taken over. */
    public List<CancellableSubscription> cancellable(String purchaserId) {
        return subscriptions.boughtBy(purchaserId).stream()
                .filter(s -> takeovers.holder(s.id()).isEmpty())
                .map(s -> new CancellableSubscription(
                        s, catalog.require(s.productId()).name()))
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
            throw Rule.SUBSCRIPTION_NOT_USABLE.violation(
                    "This " + product + " subscription is already cancelled " + "(Deleted).");
        }
        takeovers.holder(subscriptionId).ifPresent(running -> {
            throw Rule.TAKEOVER_RUNNING.violation("An administrator has been taking over this " + product
                    + " subscription since " + Words.moment(running.since(), clock.getZone()) + ", so it can no "
                    + "longer be changed by its purchaser.");
        });
        String reason = context.reason() == null || context.reason().isBlank()
                ? "Cancelled by its purchaser"
                : context.reason();
        int users = ledger.endSubscription(context, subscription, reason, null);
        events.publishEvent(new SelfServiceSubscriptionCancelled(subscriptionId));
        return users;
    }
}
