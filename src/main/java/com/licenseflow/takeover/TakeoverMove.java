package com.licenseflow.takeover;

import com.licenseflow.inventory.ChunkedMove;
import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.assignment.LicenseAssignmentService;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionKind;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.inventory.subscription.SubscriptionWords;
import com.licenseflow.shared.Rows;
import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * S6: moves every user of a taken-over subscription to a central subscription of the same product
 * or one that stands in for it, then cancels the old subscription.
 *
 * <p>Never a partial move: the target must have a free seat for every user, and all those seats are
 * reserved in one transaction before the first user moves, so nobody can take them mid-move. The
 * users then move in chunks, each in a transaction of its own: a crash between chunks loses nothing
 * and the next chunk starts above the last one that committed. Within a chunk the old licenses are
 * unassigned before the new ones are created, so no user ever holds two licenses or none.
 */
@Service
public class TakeoverMove {

    private final SubscriptionTakeovers takeovers;
    private final TakeoverRepository repository;
    private final TakeoverRows rows;
    private final LicenseAssignmentService assignments;
    private final SubscriptionRepository subscriptions;
    private final ProductCatalog catalog;
    private final AccessPolicy access;
    private final LicenseLedger ledger;
    private final ChunkedMove mover;
    private final SubscriptionWords subscriptionWords;

    public TakeoverMove(
            SubscriptionTakeovers takeovers,
            TakeoverRepository repository,
            TakeoverRows rows,
            LicenseAssignmentService assignments,
            SubscriptionRepository subscriptions,
            ProductCatalog catalog,
            AccessPolicy access,
            LicenseLedger ledger,
            ChunkedMove mover,
            SubscriptionWords subscriptionWords) {
        this.subscriptionWords = subscriptionWords;
        this.takeovers = takeovers;
        this.repository = repository;
        this.rows = rows;
        this.assignments = assignments;
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.access = access;
        this.ledger = ledger;
        this.mover = mover;
    }

    /** Central subscriptions of the same product or a substitute (R7) that can give out licenses, with their free seats. */
    public List<TakeoverTarget> targets(long takeoverId) {
        Subscription source =
                subscriptions.require(repository.require(takeoverId).subscriptionId());
        List<TakeoverTarget> targets = new ArrayList<>();
        for (Product product : catalog.servingProducts(source.productId())) {
            subscriptions
                    .usable(product.id(), SubscriptionKind.CENTRAL)
                    .forEach(s -> targets.add(new TakeoverTarget(s, product.name())));
        }
        return targets;
    }

    /** The target, if it is one of the {@link #targets}; refuses any other subscription. */
    public TakeoverTarget requireTarget(long takeoverId, long targetSubscriptionId) {
        List<TakeoverTarget> targets = targets(takeoverId);
        return targets.stream()
                .filter(t -> t.subscription().id() == targetSubscriptionId)
                .findFirst()
                .orElseThrow(
                        () -> Rule.INVALID_INPUT.violation("That subscription cannot take these users: move them to "
                                + "an active central subscription of the same product or of one that stands in for it"
                                + (targets.isEmpty() ? " (there is none yet: buy one first)." : ".")));
    }

    /** How many seats the target lacks for the users still to move (0 when it has enough). */
    public int seatsMissing(long takeoverId, long targetSubscriptionId) {
        Subscription source =
                subscriptions.require(repository.require(takeoverId).subscriptionId());
        Subscription target = subscriptions.require(targetSubscriptionId);
        return Math.max(0, rows.countNeedingSeat(source.id(), target.productId()) - target.availableSeats());
    }

    /**
     * Reserves a seat on the target for every user to move, in one step, or refuses with
     * NOT_ENOUGH_SEATS and nothing reserved. Users who already hold the target product need no seat.
     */
    @Transactional(propagation = Propagation.NESTED)
    public MoveProgress reserveSeats(ChangeContext context, long takeoverId, long targetSubscriptionId) {
        access.requireBillingManager(context.actor(), SubscriptionTakeovers.TO_DO);
        Takeover takeover = takeovers.requireStatus(takeoverId, TakeoverStatus.STARTED);
        TakeoverTarget target = requireTarget(takeoverId, targetSubscriptionId);
        Subscription source = subscriptions.require(takeover.subscriptionId());
        Product targetProduct = catalog.require(target.subscription().productId());
        assignments.requireNoConflictOnMove(source, targetProduct);
        int users = rows.countActive(source.id());
        int needed = rows.countNeedingSeat(source.id(), targetProduct.id());
        if (!ledger.reserveSeats(
                context,
                targetSubscriptionId,
                targetProduct.id(),
                needed,
                Words.capitalized(Words.count(needed, "seat", "seats")) + " of "
                        + subscriptionWords.of(targetSubscriptionId) + " reserved for the "
                        + Words.count(users, "user", "users") + " of " + subscriptionWords.of(source)
                        + " (its takeover)")) {
            Subscription now = subscriptions.require(targetSubscriptionId);
            throw Rule.NOT_ENOUGH_SEATS.violation("The " + target.productName() + " subscription (" + now.seatsLabel()
                    + ") has too few seats: the "
                    + Words.count(needed, "user to move needs one", "users to move need one " + "each")
                    + ". Buy at least " + (needed - now.availableSeats()) + " more seats on it, or pick another "
                    + "subscription. Nothing was moved: users are only ever moved all together.");
        }
        repository.startMoving(takeoverId, targetSubscriptionId, users, needed);
        return new MoveProgress(0, users, users > 0);
    }

    /**
     * Moves the next {@code chunkSize} users in the caller's transaction. Safe to run again after a
     * crash: it starts above the last chunk that committed.
     */
    @Transactional(propagation = Propagation.NESTED)
    public MoveProgress moveNextChunk(ChangeContext context, long takeoverId, int chunkSize) {
        ChunkedMove.requireChunkSize(chunkSize, "A takeover's chunk");
        Takeover takeover = takeovers.requireStatus(takeoverId, TakeoverStatus.MOVING);
        Subscription source = subscriptions.require(takeover.subscriptionId());
        OptionalLong upTo = rows.chunkEnd(source.id(), takeover.movedUpToId(), chunkSize);
        if (upTo.isEmpty()) {
            return new MoveProgress(takeover.usersMoved(), takeover.usersTotal(), false);
        }
        Subscription target = subscriptions.require(takeover.targetSubscriptionId());
        Product targetProduct = catalog.require(target.productId());
        LocalDate keptUntil = ledger.dataKeptUntil();
        ChunkedMove.ChunkResult result = mover.moveChunk(
                context,
                new LicenseLedger.LicenseMove(
                        LicenseLedger.MovedBy.TAKEOVER,
                        takeoverId,
                        "a.subscription_id = :source and a.id > :after and a.id <= :upTo",
                        Map.of("source", source.id(), "after", takeover.movedUpToId(), "upTo", upTo.getAsLong()),
                        source.id(),
                        target.id(),
                        targetProduct.id(),
                        plansOnTarget(source, targetProduct, upTo.getAsLong()),
                        true,
                        keptUntil,
                        "License moved from " + subscriptionWords.of(source) + " to " + subscriptionWords.of(target)
                                + " (switched-off services kept where the product has them) for ",
                        "License of " + catalog.require(source.productId()).name() + " removed (moved to "
                                + subscriptionWords.of(target) + "); mailbox data kept until " + Words.day(keptUntil)
                                + "; user "),
                takeover.unusedSeats(),
                extra -> "The subscription the users move to ran out of seats during the move: " + extra
                        + " more needed. Buy seats on it; the move then goes on from this chunk.");
        repository.chunkMoved(takeoverId, result.removed(), result.assigned(), result.extraSeats(), upTo.getAsLong());
        return new MoveProgress(
                takeover.usersMoved() + result.removed(),
                takeover.usersTotal(),
                rows.chunkEnd(source.id(), upTo.getAsLong(), 1).isPresent());
    }

    /** S6: every user moved; the old subscription is cancelled (Deleted) and unused reserved seats given back. */
    @Transactional(propagation = Propagation.NESTED)
    public Takeover completeMove(ChangeContext context, long takeoverId) {
        Takeover takeover = takeovers.requireStatus(takeoverId, TakeoverStatus.MOVING);
        Subscription source = subscriptions.require(takeover.subscriptionId());
        if (rows.anyActive(source.id())) {
            throw new IllegalStateException("Subscription " + source.id() + " still has users; move them first");
        }
        releaseUnusedSeats(context, takeover);
        String target = subscriptionWords.of(takeover.targetSubscriptionId());
        ledger.endEmptySubscription(context, source, "users moved to " + target);
        takeovers.finish(
                context,
                takeover,
                TakeoverStatus.MOVED,
                null,
                "finished: " + Words.count(takeover.usersMoved(), "user", "users") + " moved to " + target
                        + ", the self-service subscription Deleted");
        return repository.require(takeoverId);
    }

    /**
     * Moves again the users whose move Microsoft 365 refused (LicenseFlow put them back on the subscription they came
     * from), once an admin fixed the cause in the tenant. Their refused licenses gave their seats back, so each takes
     * a seat on the target again; too few refuses with NOT_ENOUGH_SEATS and nothing moved. Returns how many moved.
     */
    @Transactional(propagation = Propagation.NESTED)
    public int moveAgain(ChangeContext context, long takeoverId, Collection<String> userIds) {
        access.requireBillingManager(context.actor(), SubscriptionTakeovers.TO_DO);
        Takeover takeover = takeovers.requireStatus(takeoverId, TakeoverStatus.MOVING);
        Subscription source = subscriptions.require(takeover.subscriptionId());
        List<Long> licenses = rows.activeLicenses(source.id(), userIds);
        if (licenses.isEmpty()) {
            throw Rule.INVALID_INPUT.violation("None of the users Microsoft 365 refused to move still has a license of "
                    + "this subscription: there is nobody to move again.");
        }
        Subscription target = subscriptions.require(takeover.targetSubscriptionId());
        Product targetProduct = catalog.require(target.productId());
        LocalDate keptUntil = ledger.dataKeptUntil();
        ChunkedMove.ChunkResult result = mover.moveChunk(
                context,
                new LicenseLedger.LicenseMove(
                        LicenseLedger.MovedBy.TAKEOVER,
                        takeoverId,
                        "a.id in (:licenses)",
                        Map.of("licenses", licenses),
                        source.id(),
                        target.id(),
                        targetProduct.id(),
                        plansOnTarget(source, targetProduct, licenses.get(licenses.size() - 1)),
                        true,
                        keptUntil,
                        "License moved again (Microsoft 365 had refused the move) from " + subscriptionWords.of(source)
                                + " to " + subscriptionWords.of(target) + " for ",
                        "License of " + catalog.require(source.productId()).name() + " removed again (moved to "
                                + subscriptionWords.of(target) + "); mailbox data kept until " + Words.day(keptUntil)
                                + "; user "),
                0,
                extra -> "The " + targetProduct.name() + " subscription the users move to has too few free seats to "
                        + "move them again: " + Words.count(extra, "more seat is", "more seats are") + " needed. Buy "
                        + "seats on it and ask again, or keep the self-service subscription for these users.");
        return result.removed();
    }

    /**
     * The users whose move Microsoft 365 refused stay on the self-service subscription (LicenseFlow put them back
     * there), which is kept for them, not cancelled: the takeover ends, the others moved, unused reserved seats back.
     */
    @Transactional(propagation = Propagation.NESTED)
    public Takeover keepForUsersWhoStayed(ChangeContext context, long takeoverId) {
        access.requireBillingManager(context.actor(), SubscriptionTakeovers.TO_DO);
        Takeover takeover = takeovers.requireStatus(takeoverId, TakeoverStatus.MOVING);
        int stayed = rows.countActive(takeover.subscriptionId());
        if (stayed == 0) {
            throw Rule.INVALID_INPUT.violation(
                    "Every user of this subscription has moved: there is nobody to keep it " + "for.");
        }
        releaseUnusedSeats(context, takeover);
        repository.usersStayed(takeoverId, stayed);
        takeovers.finish(
                context,
                takeover,
                TakeoverStatus.MOVED,
                null,
                "finished: " + Words.count(takeover.usersMoved() - stayed, "user", "users") + " moved to "
                        + subscriptionWords.of(takeover.targetSubscriptionId()) + "; the subscription is kept for the "
                        + Words.count(stayed, "user", "users") + " Microsoft 365 refused to move");
        return repository.require(takeoverId);
    }

    private void releaseUnusedSeats(ChangeContext context, Takeover takeover) {
        if (takeover.unusedSeats() > 0) {
            ledger.releaseSeats(
                    context,
                    takeover.targetSubscriptionId(),
                    subscriptions.require(takeover.targetSubscriptionId()).productId(),
                    takeover.unusedSeats(),
                    takeover.unusedSeats()
                            + " reserved seats not needed (those users already held the product) given back");
        }
    }

    /** Each distinct switched-off plan list of the chunk, cut to the plans the target product has. */
    private Map<String, String> plansOnTarget(Subscription source, Product target, long upTo) {
        Set<String> targetPlans = target.planIds();
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String disabled : rows.disabledPlanLists(source.id(), upTo)) {
            Set<String> kept = new TreeSet<>(Rows.planSet(disabled));
            kept.retainAll(targetPlans);
            mapping.put(disabled, Rows.planList(kept));
        }
        return mapping;
    }
}
