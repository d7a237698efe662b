package com.licenseflow.centralization;

import com.licenseflow.inventory.ChunkedMove;
import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.audit.AuditAction;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.subscription.SeatPurchaseService;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionKind;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.inventory.subscription.SubscriptionStatus;
import com.licenseflow.inventory.subscription.SubscriptionWords;
import com.licenseflow.shared.Matches;
import com.licenseflow.shared.Money;
import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * S5: a campaign that gives everyone licensed through self-service purchases of a product a central
 * license, then has each purchase cancelled (by its purchaser, see {@link PurchaseCancellations}).
 *
 * <p>Starting gathers the product's live self-service subscriptions and their users (the S2 view)
 * and locks the product: one running campaign per product, held by a unique key. The seats the
 * users need are reserved on the chosen central subscription in one transaction before the first
 * user is centralized, so the campaign cannot run short mid-way; the users are then centralized in
 * chunks, each in a transaction of its own, and a crash between chunks resumes from the last one
 * that committed.
 */
@Service
public class Centralizations {

    static final String TO_DO = "centralize self-service purchases";
    private final Money money;
    private final CentralizationRepository repository;
    private final CentralizationRows rows;
    private final SubscriptionRepository subscriptions;
    private final SeatPurchaseService purchases;
    private final ProductCatalog catalog;
    private final AccessPolicy access;
    private final LicenseLedger ledger;
    private final ChunkedMove mover;
    private final DirectoryRepository directory;
    private final SubscriptionWords subscriptionWords;
    private final Clock clock;

    public Centralizations(
            Money money,
            CentralizationRepository repository,
            CentralizationRows rows,
            SubscriptionRepository subscriptions,
            SeatPurchaseService purchases,
            ProductCatalog catalog,
            AccessPolicy access,
            LicenseLedger ledger,
            ChunkedMove mover,
            DirectoryRepository directory,
            Clock clock,
            SubscriptionWords subscriptionWords) {
        this.money = money;
        this.subscriptionWords = subscriptionWords;
        this.repository = repository;
        this.rows = rows;
        this.subscriptions = subscriptions;
        this.purchases = purchases;
        this.catalog = catalog;
        this.access = access;
        this.ledger = ledger;
        this.mover = mover;
        this.directory = directory;
        this.clock = clock;
    }

    /** Every reason a campaign for the product (its id or name) cannot start, checked without changing anything. */
    public Product requireMayStart(Actor actor, String productText) {
        access.requireBillingManager(actor, TO_DO);
        String wanted = productText == null ? "" : productText.trim();
        Product product = catalog.findByIdOrName(wanted)
                .orElseThrow(() -> (wanted.isEmpty() ? Rule.INVALID_INPUT : Rule.UNKNOWN_PRODUCT)
                        .violation((wanted.isEmpty()
                                        ? "Name the product to " + "centralize."
                                        : "There is no product '" + wanted + "'."
                                                + Matches.didYouMean(
                                                        wanted,
                                                        catalog.list().stream()
                                                                .map(Product::name)
                                                                .toList()))
                                + " Products bought self-service: "
                                + boughtSelfService() + "."));
        if (liveSelfService(product.id()).isEmpty()) {
            throw Rule.NO_SELF_SERVICE_PURCHASES.violation("Nobody holds " + product.name() + " through a self-service "
                    + "purchase: there is nothing to centralize. Products bought self-service: " + boughtSelfService()
                    + ".");
        }
        repository.running(product.id()).ifPresent(running -> {
            throw alreadyRunning(product, running);
        });
        return product;
    }

    /** Starts a campaign in the name of {@code context}'s admin: gathers the purchases and locks the product. */
    @Transactional(propagation = Propagation.NESTED)
    public Centralization start(ChangeContext context, String productText) {
        Product product = requireMayStart(context.actor(), productText);
        long id;
        try {
            id = repository.insertRunning(
                    product.id(), context.processInstanceId(), context.actorId(), Instant.now(clock));
        } catch (DuplicateKeyException raced) {
            throw Rule.CENTRALIZATION_RUNNING.violation("Another administrator started centralizing " + product.name()
                    + " a moment ago. Follow that campaign instead of starting another.");
        }
        int gathered = repository.gather(id, product.id());
        ledger.record(
                context,
                AuditAction.CENTRALIZATION_STARTED,
                null,
                product.id(),
                null,
                "Started centralizing " + product.name() + ": "
                        + Words.count(gathered, "self-service subscription", "self-service subscriptions") + ", "
                        + Words.count(rows.countFound(id), "licensed user", "licensed users"));
        return repository.require(id);
    }

    /**
     * Adds self-service subscriptions of the product bought since the campaign gathered them, with
     * their users, for another round of planning. Returns how many were added.
     */
    @Transactional(propagation = Propagation.NESTED)
    public int gatherNewPurchases(ChangeContext context, long id) {
        Centralization campaign = requireStatus(id, CentralizationStatus.WAITING);
        int gathered = repository.gather(id, campaign.productId());
        if (gathered > 0) {
            repository.changeStatus(id, CentralizationStatus.PLANNING);
            ledger.record(
                    context,
                    AuditAction.CENTRALIZATION_STARTED,
                    null,
                    campaign.productId(),
                    null,
                    Words.capitalized(Words.count(gathered, "self-service subscription", "self-service subscriptions"))
                            + " bought since added to " + named(campaign));
        }
        return gathered;
    }

    /** What the admin plans with: the purchases not planned yet, their users, the seats needed, the central options. */
    public CentralizationPlan plan(long id) {
        Centralization campaign = repository.require(id);
        Product product = catalog.require(campaign.productId());
        List<CampaignSubscription> open = repository.subscriptions(id).stream()
                .filter(s -> s.askedAt() == null)
                .toList();
        int needed = rows.countNeedingSeat(id, product.id());
        List<CentralOption> options = subscriptions.usable(product.id(), SubscriptionKind.CENTRAL).stream()
                .map(s -> new CentralOption(s, needed))
                .toList();
        return new CentralizationPlan(
                campaign,
                product,
                open,
                open.stream().mapToInt(CampaignSubscription::usersFound).sum(),
                needed,
                options,
                open.stream().map(CampaignSubscription::yearlyCost).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /**
     * The admin's plan: the central subscription the licenses come from, with {@code seatsToBuy} more
     * seats bought on it first (0: use the seats it has). Reserves a seat for every user who needs one
     * in this one step, or refuses with nothing bought or reserved.
     */
    @Transactional(propagation = Propagation.NESTED)
    public Centralization reserveSeats(ChangeContext context, long id, long centralSubscriptionId, int seatsToBuy) {
        access.requireBillingManager(context.actor(), TO_DO);
        Centralization campaign = requireStatus(id, CentralizationStatus.PLANNING);
        CentralizationPlan plan = plan(id);
        CentralOption option = plan.centralOptions().stream()
                .filter(o -> o.subscription().id() == centralSubscriptionId)
                .findFirst()
                .orElseThrow(() -> Rule.INVALID_INPUT.violation("That subscription cannot give out central "
                        + plan.product().name() + " licenses. Choose one of the product's active central "
                        + "subscriptions"
                        + (plan.centralOptions().isEmpty()
                                ? " (there is none yet: buy one first, or " + "call the campaign off)."
                                : ".")));
        int missing = option.seatsMissing();
        if (seatsToBuy < 0 || seatsToBuy > 0 && seatsToBuy < missing) {
            throw Rule.NOT_ENOUGH_SEATS.violation("Buying " + Words.count(seatsToBuy, "seat", "seats") + " is not "
                    + "enough: the subscription has " + option.subscription().availableSeats() + " free and the "
                    + Words.count(plan.seatsNeeded(), "user needs one", "users need one each") + ". Buy at least "
                    + missing + ". Nothing was bought.");
        }
        if (seatsToBuy == 0 && missing > 0) {
            throw Rule.NOT_ENOUGH_SEATS.violation("The subscription has "
                    + Words.count(option.subscription().availableSeats(), "free seat", "free seats") + " but the "
                    + Words.count(plan.seatsNeeded(), "user needs one", "users need one each")
                    + ". Choose to buy at least " + missing + " more seats on it, "
                    + "or another subscription.");
        }
        if (seatsToBuy > 0) {
            purchases.addSeats(context, centralSubscriptionId, seatsToBuy);
        }
        if (!ledger.reserveSeats(
                context,
                centralSubscriptionId,
                campaign.productId(),
                plan.seatsNeeded(),
                Words.count(plan.seatsNeeded(), "seat", "seats") + " of "
                        + subscriptionWords.of(centralSubscriptionId) + " reserved for the "
                        + Words.count(plan.usersFound(), "user", "users") + " of "
                        + Words.count(
                                plan.purchases().size(), "self-service subscription", "self-service subscriptions")
                        + " (" + named(campaign) + ")")) {
            Subscription now = subscriptions.require(centralSubscriptionId);
            throw Rule.NOT_ENOUGH_SEATS.violation(
                    "The subscription has only " + Words.count(now.availableSeats(), "free seat", "free seats")
                            + " left for the " + Words.count(plan.seatsNeeded(), "user", "users")
                            + ": someone took seats a moment ago. Plan again; nothing was bought or reserved.");
        }
        repository.startAssigning(id, centralSubscriptionId, plan.seatsNeeded(), Math.max(0, seatsToBuy));
        return repository.require(id);
    }

    /** The admin calls the campaign off while planning: it ends with nothing changed in this round. */
    @Transactional(propagation = Propagation.NESTED)
    public Centralization callOff(ChangeContext context, long id) {
        access.requireBillingManager(context.actor(), TO_DO);
        Centralization campaign = requireStatus(id, CentralizationStatus.PLANNING);
        finish(context, campaign, CentralizationStatus.CALLED_OFF, "called off while planning");
        return repository.require(id);
    }

    /** Centralizes the next {@code chunkSize} users found, in the caller's transaction; safe to run again after a crash. */
    @Transactional(propagation = Propagation.NESTED)
    public AssignmentProgress assignNextChunk(ChangeContext context, long id, int chunkSize) {
        ChunkedMove.requireChunkSize(chunkSize, "A centralization's chunk");
        Centralization campaign = requireStatus(id, CentralizationStatus.ASSIGNING);
        OptionalLong upTo = rows.chunkEnd(id, campaign.assignedUpToId(), chunkSize);
        if (upTo.isEmpty()) {
            return progressOfAssignment(id, false);
        }
        long central = campaign.centralSubscriptionId();
        CentralizationRows.Chunk chunk = new CentralizationRows.Chunk(
                id, campaign.productId(), central, campaign.assignedUpToId(), upTo.getAsLong());
        CentralizationRows.ChunkResult result = rows.decideOutcomes(chunk);
        int extra = 0;
        if (result.centralized() > 0) {
            // Same product, same plans: the user keeps the services they had switched off, and keeps access.
            ChunkedMove.ChunkResult moved = mover.moveChunk(
                    context,
                    new LicenseLedger.LicenseMove(
                            LicenseLedger.MovedBy.CENTRALIZATION,
                            id,
                            CentralizationRows.GIVEN_UP,
                            CentralizationRows.givenUpParameters(chunk),
                            null,
                            central,
                            campaign.productId(),
                            Map.of(),
                            false,
                            null,
                            "Central license of " + subscriptionWords.of(central) + " given (" + named(campaign)
                                    + ", switched-off services kept) to ",
                            "Self-service license given up for the central license of "
                                    + subscriptionWords.of(central) + " (" + named(campaign)
                                    + "; the user keeps access); user "),
                    campaign.unusedSeats(),
                    more -> "The central subscription ran out of seats during the "
                            + "centralization: " + more + " more needed. Buy seats on it; the assignment then goes on "
                            + "from this chunk.");
            if (moved.removed() != result.centralized() || moved.assigned() != result.centralized()) {
                throw new IllegalStateException("Chunk of centralization " + id + " found " + result.centralized()
                        + " users to centralize but gave up " + moved.removed() + " and created " + moved.assigned()
                        + " licenses");
            }
            extra = moved.extraSeats();
        }
        repository.chunkAssigned(id, result.centralized(), extra, upTo.getAsLong());
        return progressOfAssignment(id, rows.anyAbove(id, upTo.getAsLong()));
    }

    /** Every user handled: reserved seats not needed are given back and the purchasers are asked next. */
    @Transactional(propagation = Propagation.NESTED)
    public Centralization completeAssignment(ChangeContext context, long id) {
        Centralization campaign = requireStatus(id, CentralizationStatus.ASSIGNING);
        if (rows.anyAbove(id, campaign.assignedUpToId())) {
            throw new IllegalStateException("Centralization " + id + " still has users to handle");
        }
        releaseUnusedSeats(context, campaign, "not needed (those users already had a central license)");
        repository.changeStatus(id, CentralizationStatus.WAITING);
        return repository.require(id);
    }

    /** Every purchase gathered is Deleted: the campaign is complete and the product unlocked. */
    @Transactional(propagation = Propagation.NESTED)
    public CentralizationProgress complete(ChangeContext context, long id) {
        Centralization campaign = requireStatus(id, CentralizationStatus.WAITING);
        List<Long> live = repository.subscriptions(id).stream()
                .filter(s -> !s.isCancelled())
                .map(CampaignSubscription::subscriptionId)
                .toList();
        if (!live.isEmpty()) {
            throw new IllegalStateException("Centralization " + id + " still waits for subscriptions " + live);
        }
        CentralizationProgress progress = progress(id);
        finish(
                context,
                campaign,
                CentralizationStatus.COMPLETED,
                "completed: " + progress.text() + ", savings " + money.of(progress.yearlySavings()) + " per year");
        return progress;
    }

    /**
     * The process ended without finishing the campaign (say, deleted in Cockpit): gives back seats
     * reserved and not used and unlocks the product. Users already centralized stay so. Does nothing
     * for a finished campaign.
     */
    @Transactional(propagation = Propagation.NESTED)
    public void abandon(ChangeContext context, long id) {
        Centralization campaign = repository.require(id);
        if (!campaign.isRunning()) {
            return;
        }
        releaseUnusedSeats(context, campaign, "the centralization was abandoned");
        finish(
                context,
                campaign,
                CentralizationStatus.ABANDONED,
                "abandoned: " + progress(id).text());
    }

    /**
     * The process instance running the campaign of the product named by {@code productText} (its id
     * or name), if one is running; nothing for an unknown product.
     */
    public Optional<String> runningProcess(Actor actor, String productText) {
        access.requireBillingManager(actor, TO_DO);
        return catalog.findByIdOrName(productText == null ? "" : productText.trim())
                .flatMap(product -> repository.running(product.id()))
                .map(Centralization::processInstanceId);
    }

    /** Users, subscriptions cancelled and costs, for Cockpit, the API and the summary. */
    /** The campaign a process instance runs, if it started one. */
    public Optional<Centralization> ofProcessInstance(String processInstanceId) {
        return repository.ofProcessInstance(processInstanceId);
    }

    /** Refuses a subscription that is not part of the campaign. */
    public CampaignSubscription subscriptionOf(long id, long subscriptionId) {
        return repository.subscription(id, subscriptionId);
    }

    public CentralizationProgress progress(long id) {
        Centralization campaign = repository.require(id);
        Map<UserOutcome, Integer> users = rows.userCounts(id);
        List<CampaignSubscription> gathered = repository.subscriptions(id);
        int centralized = users.get(UserOutcome.CENTRALIZED);
        BigDecimal centralPrice = campaign.centralSubscriptionId() == null
                ? BigDecimal.ZERO
                : subscriptions.require(campaign.centralSubscriptionId()).pricePerSeat();
        return new CentralizationProgress(
                rows.countFound(id),
                centralized,
                users.get(UserOutcome.ALREADY_CENTRAL),
                users.get(UserOutcome.NO_LONGER_LICENSED),
                gathered.size(),
                (int) gathered.stream()
                        .filter(CampaignSubscription::isCancelled)
                        .count(),
                gathered.stream().map(CampaignSubscription::yearlyCost).reduce(BigDecimal.ZERO, BigDecimal::add),
                centralPrice.multiply(BigDecimal.valueOf(12L * centralized)));
    }

    /** The campaigns, of one product when given, newest first. */
    public List<Centralization> list(Actor actor, String productId) {
        access.requireAnyAdmin(actor, "follow centralizations");
        return repository.list(productId);
    }

    public Centralization get(Actor actor, long id) {
        access.requireAnyAdmin(actor, "follow centralizations");
        return repository.require(id);
    }

    public List<CampaignSubscription> subscriptionsOf(long id) {
        return repository.subscriptions(id);
    }

    Centralization requireStatus(long id, CentralizationStatus expected) {
        Centralization campaign = repository.require(id);
        if (campaign.status() != expected) {
            throw Rule.CENTRALIZATION_RUNNING.violation(
                    Words.capitalized(named(campaign)) + " has moved on since: this step no longer applies.");
        }
        return campaign;
    }

    private AssignmentProgress progressOfAssignment(long id, boolean more) {
        Map<UserOutcome, Integer> users = rows.userCounts(id);
        return new AssignmentProgress(
                users.get(UserOutcome.CENTRALIZED),
                users.values().stream().mapToInt(i -> i).sum(),
                rows.countFound(id),
                more);
    }

    private void releaseUnusedSeats(ChangeContext context, Centralization campaign, String why) {
        if (campaign.status() == CentralizationStatus.ASSIGNING && campaign.unusedSeats() > 0) {
            repository.settleSeats(campaign.id());
            ledger.releaseSeats(
                    context,
                    campaign.centralSubscriptionId(),
                    campaign.productId(),
                    campaign.unusedSeats(),
                    Words.capitalized(Words.count(campaign.unusedSeats(), "seat", "seats")) + " reserved for "
                            + named(campaign) + " given back: " + why);
        }
    }

    private void finish(ChangeContext context, Centralization campaign, CentralizationStatus status, String what) {
        repository.finish(campaign.id(), status, context.actorId(), Instant.now(clock));
        ledger.record(
                context,
                AuditAction.CENTRALIZATION_FINISHED,
                null,
                campaign.productId(),
                null,
                Words.capitalized(named(campaign)) + " " + what);
    }

    /** How people tell one campaign from another: "the centralization of Power BI Pro started on 3 Dec 2026". */
    private String named(Centralization campaign) {
        return "the centralization of " + catalog.require(campaign.productId()).name() + " started on "
                + Words.day(LocalDate.ofInstant(campaign.startedAt(), clock.getZone()));
    }

    private List<Subscription> liveSelfService(String productId) {
        return subscriptions.list(SubscriptionKind.SELF_SERVICE, productId).stream()
                .filter(s -> s.status() != SubscriptionStatus.DELETED)
                .toList();
    }

    private String boughtSelfService() {
        String names = subscriptions.list(SubscriptionKind.SELF_SERVICE, null).stream()
                .filter(s -> s.status() != SubscriptionStatus.DELETED)
                .map(Subscription::productId)
                .distinct()
                .map(p -> catalog.require(p).name())
                .sorted()
                .collect(Words.and());
        return names.isEmpty() ? "none" : names;
    }

    private RuntimeException alreadyRunning(Product product, Centralization running) {
        return Rule.CENTRALIZATION_RUNNING.violation(product.name() + " is already being centralized by "
                + directory
                        .find(running.startedBy())
                        .map(DirectoryUser::displayName)
                        .orElse(running.startedBy())
                + " (since " + Words.moment(running.startedAt(), clock.getZone()) + "). Follow that campaign instead "
                + "of starting another.");
    }
}
