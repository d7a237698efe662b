package com.licenseflow.lifecycle;

import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.inventory.subscription.SubscriptionWords;
import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import com.licenseflow.workflow.UntrustedProcessInput;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renewals and trial ends: each central subscription's term gets a review when it ends within the
 * first alert offset; billing admins are alerted at every offset with seats used against bought and a
 * suggested seat count, and decide to renew, renew with fewer seats, or let it end (a trial: buy it,
 * or let it end). On the end day the decision, or without one what recurring billing says, is carried
 * out: a new term, or the subscription ends and its users lose their licenses (and are told).
 */
@Service
public class SubscriptionRenewals {

    /** Who carries out a term's end nobody decided: what the subscription's recurring billing says. */
    public static final Actor TERM_END =
            Actor.system("renewal", "Subscription renewal (its term end)", AdminRole.BILLING_ADMIN);

    static final String TO_DO = "decide subscription renewals";

    public enum Decision {
        RENEW,
        REDUCE,
        LET_END,
        BUY
    }

    public enum Outcome {
        RENEWED,
        BOUGHT,
        ENDED
    }

    /** A term under review, in the words its alerts and task use. */
    public record Review(
            String processInstanceId,
            Subscription subscription,
            String productName,
            boolean trial,
            long daysLeft,
            int suggestedSeats,
            Decision decision,
            Integer seats,
            Outcome outcome,
            Integer lastAlertDays) {

        public String seatsUsed() {
            return subscription.assignedSeats() + " of " + subscription.quantity() + " seats used";
        }
    }

    private final RenewalRows rows;
    private final SubscriptionRepository subscriptions;
    private final ProductCatalog catalog;
    private final LicenseLedger ledger;
    private final Directory directory;
    private final AccessPolicy access;
    private final LifecycleSettings.Renewal settings;
    private final SubscriptionWords subscriptionWords;
    private final Clock clock;

    public SubscriptionRenewals(
            RenewalRows rows,
            SubscriptionRepository subscriptions,
            ProductCatalog catalog,
            LicenseLedger ledger,
            Directory directory,
            AccessPolicy access,
            LifecycleSettings settings,
            Clock clock,
            SubscriptionWords subscriptionWords) {
        this.subscriptionWords = subscriptionWords;
        this.rows = rows;
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.ledger = ledger;
        this.directory = directory;
        this.access = access;
        this.settings = settings.renewal();
        this.clock = clock;
    }

    /**
     * Opens a review for every term that ends within the first offset and has none: {@code start}
     * starts the review's process and returns its id. Returns how many were opened.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int openReviews(Function<Long, String> start) {
        int opened = 0;
        for (RenewalRows.Due due : rows.due(today().plusDays(settings.opensAt()))) {
            rows.insert(start.apply(due.subscriptionId()), due);
            opened++;
        }
        return opened;
    }

    public Review review(String processInstanceId) {
        RenewalRows.Row row = require(processInstanceId);
        Subscription subscription = subscriptions.require(row.subscriptionId());
        return new Review(
                processInstanceId,
                subscription,
                catalog.require(subscription.productId()).name(),
                row.trial(),
                ChronoUnit.DAYS.between(today(), row.expiresOn()),
                suggestedSeats(subscription),
                row.decision() == null ? null : Decision.valueOf(row.decision()),
                row.seats(),
                row.outcome() == null ? null : Outcome.valueOf(row.outcome()),
                row.lastAlertDays());
    }

    /**
     * When the next alert is due: the next offset after the last one sent, or now if its day has come
     * already (a term first seen with 65 days left is alerted at once, once). Empty: no alert before the end day.
     */
    public Optional<Instant> nextAlertAt(String processInstanceId) {
        RenewalRows.Row row = require(processInstanceId);
        return nextOffset(row).map(days -> {
            Instant at = row.expiresOn().minusDays(days).atStartOfDay(zone()).toInstant();
            Instant now = Instant.now(clock);
            return at.isBefore(now) ? now : at;
        });
    }

    /** Records that the alert due now was sent; returns its offset (days before the end). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int recordAlert(String processInstanceId) {
        RenewalRows.Row row = require(processInstanceId);
        long daysLeft = ChronoUnit.DAYS.between(today(), row.expiresOn());
        // Every offset whose day has come counts as sent: the smallest of them is the one this alert is.
        int sent = settings.alertDays().stream()
                .filter(d -> d > 0 && d >= daysLeft)
                .filter(d -> row.lastAlertDays() == null || d < row.lastAlertDays())
                .min(Integer::compare)
                .orElseGet(() -> nextOffset(row).orElseThrow());
        rows.alerted(processInstanceId, sent);
        return sent;
    }

    /** The day the term ends: when the decision (or recurring billing) is carried out. */
    public Instant termEndsAt(String processInstanceId) {
        return require(processInstanceId).expiresOn().atStartOfDay(zone()).toInstant();
    }

    /** What the review's task offers: a trial can be bought or let end; a paid term renewed, reduced or let end. */
    public List<Decision> options(String processInstanceId) {
        return require(processInstanceId).trial()
                ? List.of(Decision.BUY, Decision.LET_END)
                : List.of(Decision.RENEW, Decision.REDUCE, Decision.LET_END);
    }

    /**
     * A billing (or global) admin decided. Renew keeps the seats; reduce and buy need a seat count no
     * smaller than the licenses given out; let end switches recurring billing off now (A10). A refusal
     * changes nothing and keeps the task open.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void decide(String processInstanceId, String deciderId, String decision, Long seats) {
        Actor decider = directory.actor(deciderId);
        access.requireBillingManager(decider, TO_DO);
        Review review = review(processInstanceId);
        Decision chosen = parse(decision);
        if (chosen == null || !options(processInstanceId).contains(chosen)) {
            throw new UntrustedProcessInput(
                    "'" + decision + "' is not a choice for this " + (review.trial() ? "trial" : "subscription")
                            + ": choose one of " + options(processInstanceId) + ".");
        }
        Subscription subscription = review.subscription();
        Integer count = null;
        if (chosen == Decision.REDUCE || chosen == Decision.BUY) {
            int least = Math.max(1, subscription.assignedSeats());
            int most = chosen == Decision.REDUCE ? subscription.quantity() - 1 : 100_000;
            if (seats == null || seats < least || seats > most) {
                throw Rule.INVALID_INPUT.violation(
                        chosen == Decision.REDUCE && subscription.quantity() <= least
                                ? "All " + subscription.quantity()
                                        + " seats are in use: there are none to give up. Renew, or "
                                        + "unassign licenses first."
                                : "Choose between " + least + " and " + most + " seats"
                                        + (subscription.assignedSeats() > 0
                                                ? ": "
                                                        + Words.count(
                                                                subscription.assignedSeats(),
                                                                "user holds",
                                                                "users hold")
                                                        + " a license of it"
                                                : "")
                                        + (seats == null ? "." : ", not " + seats + "."));
            }
            count = seats.intValue();
        }
        ChangeContext context =
                ChangeContext.byProcess(decider, "renewal decided: " + words(chosen), processInstanceId);
        String product = review.productName();
        if (chosen == Decision.LET_END) {
            ledger.changeRecurringBilling(
                    context,
                    subscription,
                    false,
                    "Recurring billing of " + subscriptionWords.of(subscription) + " switched off: it ends with its "
                            + "term on "
                            + Words.day(subscription.expiresOn()));
        } else {
            ledger.changeRecurringBilling(
                    context,
                    subscription,
                    true,
                    "Recurring billing of " + subscriptionWords.of(subscription) + " switched on: it renews on "
                            + Words.day(subscription.expiresOn()));
        }
        rows.decide(processInstanceId, chosen.name(), count, decider.userId(), Instant.now(clock));
    }

    /**
     * The end day: a new term with the decided seats, or the subscription ends (its users lose their
     * licenses, mailbox data kept). Undecided, recurring billing decides; a trial nobody bought ends.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome endTerm(String processInstanceId) {
        RenewalRows.Row row = require(processInstanceId);
        if (today().isBefore(row.expiresOn())) {
            // Only the end day ends a term: never an instance modification that jumps here early.
            throw new UntrustedProcessInput("'End the term' runs only on the term's end day, "
                    + Words.day(row.expiresOn()) + "; the subscription runs until then.");
        }
        Subscription subscription = subscriptions.require(row.subscriptionId());
        Actor actor = row.decidedBy() == null ? TERM_END : directory.actor(row.decidedBy());
        Decision decision = row.decision() != null
                ? Decision.valueOf(row.decision())
                : !row.trial() && subscription.recurringBilling() ? Decision.RENEW : Decision.LET_END;
        String product = catalog.require(subscription.productId()).name();
        ChangeContext context = ChangeContext.byProcess(
                actor,
                "term ended: " + words(decision) + (row.decision() == null ? " (nobody decided)" : ""),
                processInstanceId);
        Instant now = Instant.now(clock);
        Outcome outcome;
        if (decision == Decision.LET_END) {
            ledger.endSubscription(context, subscription, row.trial() ? "trial ended" : "not renewed", null);
            outcome = Outcome.ENDED;
        } else {
            int seats = row.seats() != null ? row.seats() : subscription.quantity();
            ledger.startNewTerm(
                    context,
                    subscription,
                    seats,
                    Words.capitalized(subscriptionWords.of(subscription))
                            + (row.trial() ? " bought after its trial" : " renewed") + " with "
                            + Words.count(seats, "seat", "seats") + " until "
                            + Words.day(subscription.expiresOn().plusYears(1)));
            outcome = row.trial() ? Outcome.BOUGHT : Outcome.RENEWED;
        }
        rows.outcome(processInstanceId, outcome.name(), now, actor.userId());
        return outcome;
    }

    /** The users who lost their license when the term ended. */
    public List<String> endedHolders(String processInstanceId) {
        return rows.endedHolders(processInstanceId);
    }

    /** The outcome in words, for the billing admins' email. */
    public String outcomeWords(String processInstanceId) {
        Review review = review(processInstanceId);
        Subscription s = review.subscription();
        return switch (review.outcome()) {
            case RENEWED ->
                "was renewed until " + Words.day(s.expiresOn()) + " with " + Words.count(s.quantity(), "seat", "seats");
            case BOUGHT ->
                "was bought after its trial: " + Words.count(s.quantity(), "seat", "seats") + " until "
                        + Words.day(s.expiresOn());
            case ENDED -> "ended: its users lost their licenses (mailbox data kept 30 days)";
        };
    }

    /** Seats to buy for the next term: those in use and a tenth more, at least one. */
    static int suggestedSeats(Subscription subscription) {
        return Math.max(1, (int) Math.ceil(subscription.assignedSeats() * 1.1));
    }

    public static String words(Decision decision) {
        return switch (decision) {
            case RENEW -> "renew";
            case REDUCE -> "renew with fewer seats";
            case LET_END -> "let it end";
            case BUY -> "buy it";
        };
    }

    private Optional<Integer> nextOffset(RenewalRows.Row row) {
        List<Integer> ahead = new ArrayList<>(settings.alertDays().stream()
                .filter(d -> d > 0)
                .filter(d -> row.lastAlertDays() == null || d < row.lastAlertDays())
                .toList());
        return ahead.isEmpty() ? Optional.empty() : Optional.of(ahead.get(0));
    }

    private RenewalRows.Row require(String processInstanceId) {
        return rows.find(processInstanceId)
                .orElseThrow(() -> new UntrustedProcessInput(
                        "Process instance " + processInstanceId + " reviews no subscription term."));
    }

    private static Decision parse(String decision) {
        if (decision == null) {
            return null;
        }
        try {
            return Decision.valueOf(decision.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}
