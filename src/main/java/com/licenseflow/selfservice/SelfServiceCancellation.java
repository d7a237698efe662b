package com.licenseflow.selfservice;

import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.TakeoverLock;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.inventory.subscription.SubscriptionStatus;
import com.licenseflow.inventory.subscription.SubscriptionWords;
import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A purchaser cancels their own self-service subscription (S5: as a centralization asks them to). Within its
 * cancellation window it becomes Deleted at once; whoever still holds a license of it loses it, their mailbox
 * data kept 30 days (A8). After the window, as the admin center does (A10), recurring billing is switched off
 * and the subscription ends at the end of its term: its users keep their licenses until then, and the renewal
 * watch ends it on that day ({@link #endTermsOver}). Only the purchaser may, and not while an admin is taking
 * it over.
 */
@Service
public class SelfServiceCancellation {

    /** The subscription keeps its cancellation reason in 200 characters. */
    private static final int MAX_REASON = 200;

    private static final Actor TERM_END = Actor.system("subscription-term-end", "The end of a subscription's term");

    private final SubscriptionRepository subscriptions;
    private final SubscriptionWords subscriptionWords;
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
            ApplicationEventPublisher events,
            SubscriptionWords subscriptionWords) {
        this.subscriptionWords = subscriptionWords;
        this.subscriptions = subscriptions;
        this.takeovers = takeovers;
        this.catalog = catalog;
        this.ledger = ledger;
        this.clock = clock;
        this.events = events;
    }

    /** A purchaser's cancellation: at once (its users lost access), or at the end of the term on {@code endsOn}. */
    public record OwnCancellation(boolean atOnce, LocalDate endsOn, int usersUnassigned) {}

    /**
     * What {@code purchaserId} can cancel right now: their subscriptions not cancelled (nor cancelled to end at
     * their term) and not being taken over.
     */
    public List<CancellableSubscription> cancellable(String purchaserId) {
        return subscriptions.boughtBy(purchaserId).stream()
                .filter(Subscription::recurringBilling)
                .filter(s -> takeovers.holder(s.id()).isEmpty())
                .map(s -> new CancellableSubscription(
                        s,
                        catalog.require(s.productId()).name(),
                        !LocalDate.now(clock).isAfter(s.cancellationWindowEndsOn())))
                .sorted(Comparator.comparing(CancellableSubscription::productName))
                .toList();
    }

    /** Cancels the subscription in the purchaser's name, at once or at the end of its term (A10). */
    @Transactional(propagation = Propagation.NESTED)
    public OwnCancellation cancel(ChangeContext context, long subscriptionId) {
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
        if (!subscription.recurringBilling()) {
            throw Rule.SUBSCRIPTION_NOT_USABLE.violation("This " + product + " subscription is already cancelled: "
                    + "it ends at the end of its term, on " + Words.day(subscription.expiresOn()) + ".");
        }
        takeovers.holder(subscriptionId).ifPresent(running -> {
            throw Rule.TAKEOVER_RUNNING.violation("An administrator has been taking over this " + product
                    + " subscription since " + Words.moment(running.since(), clock.getZone()) + ", so it can no "
                    + "longer be changed by its purchaser.");
        });
        String reason = context.reason() == null || context.reason().isBlank()
                ? "Cancelled by its purchaser"
                : context.reason();
        LocalDate today = LocalDate.now(clock);
        OwnCancellation done;
        if (today.isAfter(subscription.cancellationWindowEndsOn())) {
            // A10: past the window nothing is refunded; billing stops and the term runs out (endTermsOver).
            ledger.cancelAtTermEnd(
                    context,
                    subscription,
                    reason,
                    Words.capitalized(subscriptionWords.of(subscription)) + " cancelled by its purchaser (" + reason
                            + ") after its cancellation window ended on "
                            + Words.day(subscription.cancellationWindowEndsOn())
                            + ": recurring billing off, it ends at the end of its term on "
                            + Words.day(subscription.expiresOn()));
            done = new OwnCancellation(false, subscription.expiresOn(), 0);
        } else {
            done = new OwnCancellation(true, today, ledger.endSubscription(context, subscription, reason, null));
        }
        events.publishEvent(new SelfServiceSubscriptionCancelled(subscriptionId));
        return done;
    }

    /**
     * Ends, on their term's last day, the subscriptions their purchasers cancelled after the window: each
     * becomes Deleted and its users lose their licenses (mailbox data kept 30 days). A takeover waiting for the
     * same day ends its own subscription; those are left to it. Returns how many ended.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int endTermsOver(String processInstanceId) {
        int ended = 0;
        for (Subscription subscription : subscriptions.selfServiceTermsOver(LocalDate.now(clock))) {
            if (takeovers.holder(subscription.id()).isEmpty()) {
                ledger.endSubscription(
                        ChangeContext.byProcess(TERM_END, "term ended", processInstanceId),
                        subscription,
                        subscription.cancellationReason() == null
                                ? "its term ended after its purchaser cancelled it"
                                : subscription.cancellationReason(),
                        null);
                ended++;
            }
        }
        return ended;
    }
}
