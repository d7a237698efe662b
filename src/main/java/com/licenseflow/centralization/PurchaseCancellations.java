package com.licenseflow.centralization;

import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.audit.AuditAction;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.inventory.subscription.SubscriptionStatus;
import com.licenseflow.inventory.subscription.SubscriptionWords;
import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * S5, second half: each purchaser of a campaign is asked to cancel their self-service subscription
 * by a deadline, reminded while it is live, and at the deadline an admin extends it or takes the
 * subscription over. One branch of the campaign per subscription; this records what each did.
 */
@Service
public class PurchaseCancellations {

    public static final int MAX_EXTENSION_DAYS = 365;

    private final CentralizationRepository repository;
    private final SubscriptionRepository subscriptions;
    private final AccessPolicy access;
    private final LicenseLedger ledger;
    private final Clock clock;
    private final SubscriptionWords subscriptionWords;

    public PurchaseCancellations(
            CentralizationRepository repository,
            SubscriptionRepository subscriptions,
            AccessPolicy access,
            LicenseLedger ledger,
            Clock clock,
            SubscriptionWords subscriptionWords) {
        this.subscriptionWords = subscriptionWords;
        this.repository = repository;
        this.subscriptions = subscriptions;
        this.access = access;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * The purchaser is asked now, with a deadline {@code deadlineAfter} from now. A subscription
     * already Deleted needs no asking: it is recorded as such and the result says so.
     */
    @Transactional(propagation = Propagation.NESTED)
    public CampaignSubscription ask(long id, long subscriptionId, Duration deadlineAfter) {
        Instant now = Instant.now(clock);
        repository.asked(id, subscriptionId, now, now.plus(deadlineAfter));
        CampaignSubscription asked = repository.subscription(id, subscriptionId);
        if (asked.isCancelled()) {
            repository.outcome(id, subscriptionId, SubscriptionOutcome.ALREADY_DELETED);
        }
        return repository.subscription(id, subscriptionId);
    }

    /** Counts a reminder about to be sent; returns the subscription as it is now (no reminder for a Deleted one). */
    @Transactional(propagation = Propagation.NESTED)
    public CampaignSubscription remind(long id, long subscriptionId) {
        CampaignSubscription waiting = repository.subscription(id, subscriptionId);
        if (!waiting.isCancelled()) {
            repository.reminded(id, subscriptionId);
        }
        return repository.subscription(id, subscriptionId);
    }

    /** The admin gives the purchaser {@code days} more, counted from the deadline (or from now, when it passed). */
    @Transactional(propagation = Propagation.NESTED)
    public CampaignSubscription extendDeadline(ChangeContext context, long id, long subscriptionId, long days) {
        access.requireBillingManager(context.actor(), Centralizations.TO_DO);
        if (days < 1 || days > MAX_EXTENSION_DAYS) {
            throw Rule.INVALID_INPUT.violation(
                    "Extend the deadline by 1 to " + MAX_EXTENSION_DAYS + " days, not " + days + ".");
        }
        CampaignSubscription waiting = requireLive(id, subscriptionId);
        Instant now = Instant.now(clock);
        Instant from = waiting.deadline() == null || waiting.deadline().isBefore(now) ? now : waiting.deadline();
        Instant deadline = from.plus(Duration.ofDays(days));
        repository.deadline(id, subscriptionId, deadline);
        Subscription subscription = subscriptions.require(subscriptionId);
        ledger.record(
                context,
                AuditAction.CANCEL_DEADLINE_EXTENDED,
                subscription.purchaserId(),
                subscription.productId(),
                subscriptionId,
                "Deadline to cancel " + subscriptionWords.of(subscription) + " extended by "
                        + Words.count(days, "day", "days") + " to "
                        + Words.moment(deadline, clock.getZone()));
        return repository.subscription(id, subscriptionId);
    }

    /** The admin chose to take the subscription over and cancel it: it must still be live. */
    public CampaignSubscription requireLive(long id, long subscriptionId) {
        CampaignSubscription waiting = repository.subscription(id, subscriptionId);
        if (waiting.isCancelled()) {
            throw Rule.SUBSCRIPTION_NOT_USABLE.violation(
                    "The purchaser cancelled this subscription meanwhile; there " + "is nothing left to decide.");
        }
        return waiting;
    }

    /** The subscription is cancelled (Deleted, or ending at its term): its branch of the campaign ends. */
    @Transactional(propagation = Propagation.NESTED)
    public CampaignSubscription finished(long id, long subscriptionId, boolean takenOver) {
        CampaignSubscription ended = repository.subscription(id, subscriptionId);
        if (!ended.isCancelled()) {
            throw new IllegalStateException("Subscription " + subscriptionId + " of centralization " + id + " is "
                    + ended.status() + ", not cancelled");
        }
        repository.outcome(
                id, subscriptionId, takenOver ? SubscriptionOutcome.TAKEN_OVER : SubscriptionOutcome.ALREADY_DELETED);
        repository.subscriptionFinished(id, subscriptionId, Instant.now(clock));
        return repository.subscription(id, subscriptionId);
    }

    /**
     * The purchaser cancelled the subscription themselves: recorded with the running campaign that
     * waits for it, if any. Returns that campaign.
     */
    @Transactional(propagation = Propagation.NESTED)
    public Optional<Long> cancelledByPurchaser(long subscriptionId) {
        Optional<Long> campaign = repository.runningCampaignOf(subscriptionId);
        campaign.ifPresent(id -> repository.outcome(id, subscriptionId, SubscriptionOutcome.CANCELLED_BY_PURCHASER));
        return campaign;
    }

    /** Deleted, or cancelled to end at the end of its term (A10): see {@link CampaignSubscription#isCancelled}. */
    public boolean isCancelled(long subscriptionId) {
        Subscription subscription = subscriptions.require(subscriptionId);
        return subscription.status() == SubscriptionStatus.DELETED || !subscription.recurringBilling();
    }
}
