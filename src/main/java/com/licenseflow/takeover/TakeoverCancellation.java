package com.licenseflow.takeover;

import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.inventory.subscription.SubscriptionWords;
import com.licenseflow.shared.Words;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * S7 and A10: cancelling a taken-over subscription. Within its cancellation window it is cancelled
 * at once: every user loses access (their mailbox data is kept 30 days, A8) and it becomes Deleted.
 * Later, recurring billing is switched off and it ends at the end of its term ({@link #endAtTerm}).
 */
@Service
public class TakeoverCancellation {

    private final SubscriptionTakeovers takeovers;
    private final TakeoverRepository repository;
    private final SubscriptionRepository subscriptions;
    private final AccessPolicy access;
    private final LicenseLedger ledger;
    private final SubscriptionWords subscriptionWords;
    private final Clock clock;

    public TakeoverCancellation(
            SubscriptionTakeovers takeovers,
            TakeoverRepository repository,
            SubscriptionRepository subscriptions,
            AccessPolicy access,
            LicenseLedger ledger,
            Clock clock,
            SubscriptionWords subscriptionWords) {
        this.subscriptionWords = subscriptionWords;
        this.takeovers = takeovers;
        this.repository = repository;
        this.subscriptions = subscriptions;
        this.access = access;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Whether cancelling today takes effect at once (A10): on or before the last day of the window. */
    public boolean withinWindow(Subscription subscription) {
        return !LocalDate.now(clock).isAfter(subscription.cancellationWindowEndsOn());
    }

    @Transactional(propagation = Propagation.NESTED)
    public CancellationOutcome cancel(ChangeContext context, long takeoverId, CancellationReason reason) {
        access.requireBillingManager(context.actor(), SubscriptionTakeovers.TO_DO);
        Takeover takeover = takeovers.requireStatus(takeoverId, TakeoverStatus.STARTED);
        Subscription subscription = subscriptions.require(takeover.subscriptionId());
        if (withinWindow(subscription)) {
            int users = endNow(context, takeover, subscription, reason.label(), TakeoverStatus.CANCELLED);
            return new CancellationOutcome(true, LocalDate.now(clock), users);
        }
        repository.endingAtTerm(takeoverId, reason.label());
        ledger.changeRecurringBilling(
                context,
                subscription,
                false,
                "Recurring billing of " + subscriptionWords.of(subscription) + " switched off (" + reason.label()
                        + "): its cancellation window ended on " + Words.day(subscription.cancellationWindowEndsOn())
                        + ", so it ends at the end of its term on " + Words.day(subscription.expiresOn()));
        return new CancellationOutcome(false, subscription.expiresOn(), 0);
    }

    /**
     * A10: the term is over; users lose access and the subscription is Deleted. Runs in the name of
     * the admin who decided the cancellation: their role was checked when they decided.
     */
    @Transactional(propagation = Propagation.NESTED)
    public int endAtTerm(ChangeContext context, long takeoverId) {
        Takeover takeover = takeovers.requireStatus(takeoverId, TakeoverStatus.ENDING_AT_TERM);
        Subscription subscription = subscriptions.require(takeover.subscriptionId());
        return endNow(context, takeover, subscription, takeover.cancellationReason(), TakeoverStatus.ENDED_AT_TERM);
    }

    private int endNow(
            ChangeContext context,
            Takeover takeover,
            Subscription subscription,
            String reason,
            TakeoverStatus outcome) {
        int users = ledger.endSubscription(context, subscription, reason, takeover.id());
        takeovers.finish(
                context,
                takeover,
                outcome,
                reason,
                "finished: subscription cancelled (" + reason + "), " + Words.count(users, "user", "users")
                        + " unassigned");
        return users;
    }
}
