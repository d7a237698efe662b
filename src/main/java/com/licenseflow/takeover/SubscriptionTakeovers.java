package com.licenseflow.takeover;

import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.audit.AuditAction;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionKind;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.inventory.subscription.SubscriptionStatus;
import com.licenseflow.inventory.subscription.SubscriptionWords;
import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * S4: an admin takes control of a user's self-service subscription. Starting locks the subscription
 * (one running takeover per subscription, held by a unique key); every way a takeover ends
 * releases the lock. The move and the cancellation themselves live in {@link TakeoverMove} and
 * {@link TakeoverCancellation}.
 */
@Service
public class SubscriptionTakeovers {

    static final String TO_DO = "take over self-service subscriptions";

    private final SubscriptionRepository subscriptions;
    private final TakeoverRepository takeovers;
    private final ProductCatalog catalog;
    private final DirectoryRepository directory;
    private final TakeoverRows rows;
    private final AccessPolicy access;
    private final LicenseLedger ledger;
    private final SubscriptionWords subscriptionWords;
    private final Clock clock;

    public SubscriptionTakeovers(
            SubscriptionRepository subscriptions,
            TakeoverRepository takeovers,
            ProductCatalog catalog,
            DirectoryRepository directory,
            TakeoverRows rows,
            AccessPolicy access,
            LicenseLedger ledger,
            Clock clock,
            SubscriptionWords subscriptionWords) {
        this.subscriptionWords = subscriptionWords;
        this.subscriptions = subscriptions;
        this.takeovers = takeovers;
        this.catalog = catalog;
        this.directory = directory;
        this.rows = rows;
        this.access = access;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Every reason a takeover of the subscription cannot start, checked without changing anything. */
    public Subscription requireMayStart(Actor actor, long subscriptionId) {
        access.requireBillingManager(actor, TO_DO);
        Subscription subscription = subscriptions.require(subscriptionId);
        String product = catalog.require(subscription.productId()).name();
        if (!subscription.isSelfService()) {
            throw Rule.SUBSCRIPTION_NOT_SELF_SERVICE.violation("This " + product + " subscription is a central "
                    + "subscription: administrators manage it directly, there is nothing to take over. Only "
                    + "subscriptions users bought themselves (self-service) can be taken over.");
        }
        if (subscription.status() == SubscriptionStatus.DELETED) {
            throw Rule.SUBSCRIPTION_NOT_USABLE.violation("The " + product + " subscription "
                    + nameOf(subscription.purchaserId()) + " bought is Deleted; there is nothing left to take over.");
        }
        takeovers.running(subscriptionId).ifPresent(running -> {
            throw alreadyRunning(subscription, running);
        });
        return subscription;
    }

    /** Starts a takeover in the name of {@code context}'s admin, locking the subscription. */
    @Transactional(propagation = Propagation.NESTED)
    public Takeover start(ChangeContext context, long subscriptionId) {
        Subscription subscription = requireMayStart(context.actor(), subscriptionId);
        long id;
        try {
            id = takeovers.insertRunning(
                    subscriptionId, context.processInstanceId(), context.actorId(), Instant.now(clock));
        } catch (DuplicateKeyException raced) {
            throw Rule.TAKEOVER_RUNNING.violation(
                    "Another administrator started taking over this subscription a " + "moment ago.");
        }
        ledger.record(
                context,
                AuditAction.TAKEOVER_STARTED,
                subscription.purchaserId(),
                subscription.productId(),
                subscriptionId,
                "Took over " + subscriptionWords.of(subscription));
        return takeovers.require(id);
    }

    /** Records the admin's choice (move users or cancel); only while nothing has changed yet. */
    @Transactional(propagation = Propagation.NESTED)
    public Takeover chooseAction(ChangeContext context, long takeoverId, TakeoverAction action) {
        access.requireBillingManager(context.actor(), TO_DO);
        requireStatus(takeoverId, TakeoverStatus.STARTED);
        takeovers.chooseAction(takeoverId, action);
        return takeovers.require(takeoverId);
    }

    /** The admin backs out before anything changed: the takeover ends and the subscription is as it was. */
    @Transactional(propagation = Propagation.NESTED)
    public Takeover backOut(ChangeContext context, long takeoverId) {
        access.requireBillingManager(context.actor(), TO_DO);
        Takeover takeover = requireStatus(takeoverId, TakeoverStatus.STARTED);
        finish(context, takeover, TakeoverStatus.BACKED_OUT, null, "backed out; the subscription is unchanged");
        return takeovers.require(takeoverId);
    }

    /**
     * The process ended without finishing the takeover (say, deleted in Cockpit): gives back seats
     * reserved and not used, and releases the lock. Users already moved stay moved; the others
     * keep their self-service license. Does nothing for a finished takeover.
     */
    @Transactional(propagation = Propagation.NESTED)
    public void abandon(ChangeContext context, long takeoverId) {
        Takeover takeover = takeovers.require(takeoverId);
        if (!takeover.isRunning()) {
            return;
        }
        if (takeover.status() == TakeoverStatus.MOVING && takeover.unusedSeats() > 0) {
            ledger.releaseSeats(
                    context,
                    takeover.targetSubscriptionId(),
                    subscriptions.require(takeover.targetSubscriptionId()).productId(),
                    takeover.unusedSeats(),
                    Words.capitalized(Words.count(takeover.unusedSeats(), "seat", "seats"))
                            + " reserved for the takeover of "
                            + subscriptionWords.of(takeover.subscriptionId())
                            + " given back: the takeover was abandoned");
        }
        finish(
                context,
                takeover,
                TakeoverStatus.ABANDONED,
                null,
                "abandoned after " + takeover.usersMoved() + " of " + takeover.usersTotal() + " users were moved");
    }

    /** The process instance carrying out the subscription's running takeover, if one is running. */
    public Optional<String> runningProcess(Actor actor, long subscriptionId) {
        access.requireBillingManager(actor, TO_DO);
        return takeovers.running(subscriptionId).map(Takeover::processInstanceId);
    }

    /**
     * The self-service subscriptions that can be taken over right now (not Deleted, not being taken
     * over), each described the way people know it: product, purchaser, seats, renewal.
     */
    public List<TakeoverCandidate> candidates() {
        return subscriptions.list(SubscriptionKind.SELF_SERVICE, null).stream()
                .filter(s -> s.status() != SubscriptionStatus.DELETED
                        && takeovers.running(s.id()).isEmpty())
                .map(s ->
                        new TakeoverCandidate(s, catalog.require(s.productId()).name(), nameOf(s.purchaserId())))
                .sorted(java.util.Comparator.comparing(TakeoverCandidate::productName)
                        .thenComparing(TakeoverCandidate::purchaserName))
                .toList();
    }

    /** The takeover a process instance carries out, if it started one. */
    public Optional<Takeover> ofProcessInstance(String processInstanceId) {
        return takeovers.ofProcessInstance(processInstanceId);
    }

    /** The subscription's running takeover, else its latest one, with its progress. */
    public Takeover latest(Actor actor, long subscriptionId) {
        access.requireAnyAdmin(actor, "follow subscription takeovers");
        subscriptions.require(subscriptionId);
        return takeovers
                .latest(subscriptionId)
                .orElseThrow(() -> Rule.UNKNOWN_TAKEOVER.violation(
                        "Subscription " + subscriptionId + " has never been taken over."));
    }

    /** The takeover's subscription, product, purchaser and a count and sample of its users. */
    public TakeoverSubject subject(long takeoverId, int sampleSize) {
        Takeover takeover = takeovers.require(takeoverId);
        return subject(takeover, subscriptions.require(takeover.subscriptionId()), sampleSize);
    }

    /** A subscription about to be taken over (no takeover yet): what its start would take on. */
    TakeoverSubject subjectBeforeStart(Actor actor, long subscriptionId, int sampleSize) {
        return subject(null, requireMayStart(actor, subscriptionId), sampleSize);
    }

    private TakeoverSubject subject(Takeover takeover, Subscription subscription, int sampleSize) {
        return new TakeoverSubject(
                takeover,
                subscription,
                catalog.require(subscription.productId()).name(),
                directory.find(subscription.purchaserId()).orElse(null),
                rows.countActive(subscription.id()),
                rows.sampleOfUsers(subscription.id(), sampleSize));
    }

    /** The users whose license the takeover removed (moved or cancelled): how many, and the first few names. */
    public TakenUsers takenUsers(long takeoverId, int sampleSize) {
        return new TakenUsers(rows.countRemovedBy(takeoverId), rows.removedBy(takeoverId, sampleSize));
    }

    Takeover requireStatus(long takeoverId, TakeoverStatus expected) {
        Takeover takeover = takeovers.require(takeoverId);
        if (takeover.status() != expected) {
            throw Rule.TAKEOVER_RUNNING.violation("Takeover " + takeoverId + " of subscription "
                    + takeover.subscriptionId() + " is " + takeover.status() + ", not " + expected
                    + "; this step no longer applies.");
        }
        return takeover;
    }

    void finish(
            ChangeContext context, Takeover takeover, TakeoverStatus status, String cancellationReason, String what) {
        takeovers.finish(takeover.id(), status, cancellationReason, context.actorId(), Instant.now(clock));
        Subscription subscription = subscriptions.require(takeover.subscriptionId());
        ledger.record(
                context,
                AuditAction.TAKEOVER_FINISHED,
                subscription.purchaserId(),
                subscription.productId(),
                subscription.id(),
                "Takeover of " + subscriptionWords.of(subscription) + " " + what);
    }

    private RuntimeException alreadyRunning(Subscription subscription, Takeover running) {
        return Rule.TAKEOVER_RUNNING.violation("The "
                + catalog.require(subscription.productId()).name()
                + " subscription " + nameOf(subscription.purchaserId()) + " bought is already being taken over by "
                + nameOf(running.startedBy()) + " (since " + Words.moment(running.startedAt(), clock.getZone())
                + "). Wait for that takeover to finish.");
    }

    private String nameOf(String userId) {
        return directory.find(userId).map(DirectoryUser::displayName).orElse(userId);
    }
}
