package com.licenseflow.lifecycle;

import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.assignment.LicenseAssignment;
import com.licenseflow.inventory.assignment.LicenseAssignmentService;
import com.licenseflow.inventory.audit.AuditAction;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.lifecycle.LifecycleSettings.WhenUnanswered;
import com.licenseflow.shared.Money;
import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import com.licenseflow.workflow.UntrustedProcessInput;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reclaiming idle licenses: a run finds the central licenses of users whose account is disabled or
 * who have not signed in for a product's idle days, groups them by the holder's manager, and each
 * manager keeps (with a reason) or reclaims them by a deadline, after which the run's default applies.
 * Reclaimed licenses are removed through the ledger; the run ends with seats freed and money saved.
 */
@Service
public class IdleLicenseReclaim {

    /** Who removes licenses nobody answered for. */
    public static final Actor DEFAULT_DECISION =
            Actor.system("idle-license-reclaim", "Idle license reclaim (its deadline)", AdminRole.LICENSE_ADMIN);

    public static final String SCHEDULE = "schedule";
    static final String IDLE = "IDLE";
    static final String RECERTIFY = "RECERTIFY";
    static final String TO_DO = "manage idle-license reclaim";

    /** One reviewer's share of a run, as the task and emails say it. */
    public record Review(
            String runId, String reviewerId, String reviewerName, List<IdleLicense> licenses, Instant due) {}

    /** One idle license: whose, which product, why idle, what it costs, what became of it. */
    public record IdleLicense(
            long assignmentId,
            String userId,
            String userName,
            String productName,
            String why,
            BigDecimal monthlyPrice,
            String decision,
            String keepReason,
            boolean reclaimed,
            boolean defaulted) {

        public String label(Money money) {
            return userName + ": " + productName + " (" + money.of(monthlyPrice) + " per month), " + why;
        }
    }

    /** A run, with what it found and did. */
    public record RunReport(
            String id,
            boolean recertification,
            String productName,
            String startedBy,
            Instant startedAt,
            Instant reviewUntil,
            String whenUnanswered,
            boolean finished,
            int idle,
            int kept,
            int reclaimed,
            int inUse,
            int defaulted,
            BigDecimal monthlySaving) {

        public String summary(Money money) {
            if (recertification) {
                return Words.count(idle, "license", "licenses") + " recertified: " + kept + " confirmed, " + reclaimed
                        + " removed (" + money.of(monthlySaving) + " per month saved)"
                        + (defaulted > 0 ? "; " + defaulted + " decided by the campaign's default at the deadline" : "")
                        + ".";
            }
            return Words.count(idle, "idle license", "idle licenses") + " found: " + reclaimed + " reclaimed ("
                    + money.of(monthlySaving) + " per month saved), " + kept + " kept"
                    + (inUse > 0 ? ", " + inUse + " in use again" : "")
                    + (defaulted > 0 ? "; " + defaulted + " decided by the default at the " + "deadline" : "") + ".";
        }
    }

    /** Idle and reclaimed seats, and their money per month, of one product in one department. */
    public record Savings(
            String productName,
            String department,
            int idleSeats,
            BigDecimal idleMonthlyCost,
            int reclaimedSeats,
            BigDecimal reclaimedMonthlySaving) {}

    /** A product's idle rule: its own, or the default. */
    public record IdleRule(String productId, String productName, int idleDays, boolean ownRule) {}

    private final ReclaimRows rows;
    private final ProductCatalog catalog;
    private final Directory directory;
    private final LicenseAssignmentService licenses;
    private final LicenseLedger ledger;
    private final AccessPolicy access;
    private final LifecycleSettings.Reclaim settings;
    private final Clock clock;

    public IdleLicenseReclaim(
            ReclaimRows rows,
            ProductCatalog catalog,
            Directory directory,
            LicenseAssignmentService licenses,
            LicenseLedger ledger,
            AccessPolicy access,
            LifecycleSettings settings,
            Clock clock) {
        this.rows = rows;
        this.catalog = catalog;
        this.directory = directory;
        this.licenses = licenses;
        this.ledger = ledger;
        this.access = access;
        this.settings = settings.reclaim();
        this.clock = clock;
    }

    // Rules.

    public List<IdleRule> rules(Actor actor) {
        access.requireLicenseManager(actor, TO_DO);
        Map<String, Integer> own = rows.rules();
        return catalog.list().stream()
                .map(p -> new IdleRule(
                        p.id(), p.name(), own.getOrDefault(p.id(), settings.idleDays()), own.containsKey(p.id())))
                .toList();
    }

    @Transactional
    public IdleRule setRule(ChangeContext context, String productId, Integer idleDays) {
        access.requireLicenseManager(context.actor(), TO_DO);
        Product product = catalog.require(productId);
        if (idleDays == null || idleDays < 7 || idleDays > 3650) {
            throw Rule.INVALID_INPUT.violation("Give the days without a sign-in after which a " + product.name()
                    + " license counts as idle (idleDays), between 7 and 3650"
                    + (idleDays == null ? "." : ", not " + idleDays + "."));
        }
        rows.saveRule(productId, idleDays);
        ledger.record(
                context,
                AuditAction.RECLAIM_RULE_CHANGED,
                null,
                productId,
                null,
                product.name() + " licenses count as idle after " + Words.count(idleDays, "day", "days")
                        + " without a sign-in");
        return new IdleRule(productId, product.name(), idleDays, true);
    }

    @Transactional
    public void removeRule(ChangeContext context, String productId) {
        access.requireLicenseManager(context.actor(), TO_DO);
        Product product = catalog.require(productId);
        if (rows.deleteRule(productId) == 1) {
            ledger.record(
                    context,
                    AuditAction.RECLAIM_RULE_CHANGED,
                    null,
                    productId,
                    null,
                    product.name() + " licenses count as idle after the default "
                            + Words.count(settings.idleDays(), "day", "days"));
        }
    }

    // A run.

    /** Who may start a run by hand, and for which product (null: all); the product as its name or id. */
    public String requireMayStart(Actor starter, String product) {
        access.requireLicenseManager(starter, "start a reclaim of idle licenses");
        if (product == null || product.isBlank()) {
            return null;
        }
        return catalog.findByIdOrName(product.trim())
                .map(Product::id)
                .orElseThrow(
                        () -> Rule.INVALID_INPUT.violation(
                                "There is no product '" + product + "'. Give its name "
                                        + "as in the Licenses list (for example Microsoft 365 E3), or leave it empty for every product."));
    }

    /** Finds the idle licenses of every product (or one), as run {@code runId}. Returns how many. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int find(String runId, String productId, String startedBy) {
        Instant now = Instant.now(clock);
        rows.insertRun(
                runId,
                IDLE,
                productId,
                startedBy,
                now,
                now.plus(settings.reviewWithin()),
                settings.whenUnanswered().name());
        Map<String, Integer> own = rows.rules();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Instant keptSince = now.minus(settings.keepFor());
        int found = 0;
        for (Product product : catalog.list()) {
            if (productId == null || productId.equals(product.id())) {
                int idleDays = own.getOrDefault(product.id(), settings.idleDays());
                found += rows.findIdle(runId, product.id(), today.minusDays(idleDays), keptSince);
            }
        }
        return found;
    }

    /** A recertification campaign as its starter chose it: the product (null: all), the deadline, the default. */
    public record Campaign(String productId, int deadlineDays, WhenUnanswered whenUnanswered) {}

    /**
     * Who may start a recertification campaign, and what it is: {@code product} by name or id (empty:
     * every product), a deadline of 1 to 90 days (default: review-within), and what unanswered licenses
     * become ({@code confirm}, the default, or {@code remove}).
     */
    public Campaign requireMayStartCampaign(
            Actor starter, String product, Integer deadlineDays, String whenUnanswered) {
        access.requireLicenseManager(starter, "start a license recertification");
        String productId = product == null || product.isBlank()
                ? null
                : catalog.findByIdOrName(product.trim())
                        .map(Product::id)
                        .orElseThrow(() -> Rule.INVALID_INPUT.violation("There is no product '" + product
                                + "'. Give its name as in the Licenses list, or leave it empty for every product."));
        int days =
                deadlineDays == null ? (int) Math.max(1, settings.reviewWithin().toDays()) : deadlineDays;
        if (days < 1 || days > 90) {
            throw Rule.INVALID_INPUT.violation("Give managers between 1 and 90 days to answer, not " + days + ".");
        }
        WhenUnanswered unanswered;
        if (whenUnanswered == null || whenUnanswered.isBlank() || whenUnanswered.equalsIgnoreCase("confirm")) {
            unanswered = WhenUnanswered.KEEP;
        } else if (whenUnanswered.equalsIgnoreCase("remove")) {
            unanswered = WhenUnanswered.RECLAIM;
        } else {
            throw Rule.INVALID_INPUT.violation("What happens to licenses nobody answered for is 'confirm' or 'remove', "
                    + "not '" + whenUnanswered + "'.");
        }
        return new Campaign(productId, days, unanswered);
    }

    /** Gathers every central license of the campaign's product (or all) for its managers. Returns how many. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int gather(String runId, Campaign campaign, String startedBy) {
        Instant now = Instant.now(clock);
        rows.insertRun(
                runId,
                RECERTIFY,
                campaign.productId(),
                startedBy,
                now,
                now.plus(Duration.ofDays(campaign.deadlineDays())),
                campaign.whenUnanswered().name());
        int found = 0;
        for (Product product : catalog.list()) {
            if (campaign.productId() == null || campaign.productId().equals(product.id())) {
                found += rows.gatherHeld(runId, product.id());
            }
        }
        return found;
    }

    public boolean isRecertification(String runId) {
        return RECERTIFY.equals(requireRun(runId).kind());
    }

    /** The run's reviewers: a manager's id, or "" where the License admins decide. */
    public List<String> reviewers(String runId) {
        return rows.reviewers(runId);
    }

    public Instant reviewUntil(String runId) {
        return requireRun(runId).reviewUntil();
    }

    public Review review(String runId, String reviewer) {
        ReclaimRows.Run run = requireRun(runId);
        return new Review(
                runId,
                reviewer,
                reviewerName(reviewer),
                rows.items(runId, reviewer).stream().map(this::idle).toList(),
                run.reviewUntil());
    }

    /**
     * A reviewer's answer: the licenses in {@code kept} stay (a reason is needed), the rest are reclaimed.
     * Only the reviewing manager, or a License or Global admin, decides; never for their own license; and
     * only about licenses of this review. A refusal changes nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void decide(String runId, String reviewer, String deciderId, Collection<String> kept, String reason) {
        DirectoryUser decider = directory.require(deciderId);
        List<ReclaimRows.Item> items = rows.items(runId, reviewer);
        boolean isAdmin = decider.asActor().hasAnyOf(AdminRole.LICENSE_ADMIN, AdminRole.GLOBAL_ADMIN);
        if (!decider.id().equals(reviewer) && !isAdmin) {
            throw new UntrustedProcessInput(decider.label() + " may not decide about these idle licenses: they are "
                    + reviewerName(reviewer) + "'s to review (or a License admin's).");
        }
        if (items.stream().anyMatch(i -> i.userId().equals(decider.id()))) {
            throw new UntrustedProcessInput("You hold one of these idle licenses: someone else decides whether it is "
                    + "kept. Ask a License admin to take this task.");
        }
        Set<Long> ids = items.stream()
                .filter(i -> "OPEN".equals(i.decision()))
                .map(ReclaimRows.Item::assignmentId)
                .collect(Collectors.toSet());
        Set<Long> keep = new HashSet<>();
        for (String value : kept) {
            Long id = parse(value);
            if (id == null || !ids.contains(id)) {
                throw new UntrustedProcessInput("'" + value + "' is not one of the licenses of this review: "
                        + "tick only licenses listed in the task.");
            }
            keep.add(id);
        }
        String why = reason == null ? "" : reason.trim();
        if (!keep.isEmpty() && why.isEmpty() && !isRecertification(runId)) {
            throw Rule.INVALID_INPUT.violation("Say why the "
                    + (keep.size() == 1 ? "license you keep is" : "licenses you keep are") + " still needed.");
        }
        if (why.length() > 2000) {
            throw Rule.INVALID_INPUT.violation("Keep the reason under 2,000 characters.");
        }
        rows.decide(runId, reviewer, keep, why.isEmpty() ? null : why, decider.id(), Instant.now(clock));
    }

    /** The deadline passed without an answer: the run's default for the reviewer's open licenses. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void applyDefault(String runId, String reviewer) {
        ReclaimRows.Run run = requireRun(runId);
        if (Instant.now(clock).isBefore(run.reviewUntil())) {
            // Only the deadline applies the default: never an instance modification that jumps here early.
            throw new UntrustedProcessInput("'Apply default decision' runs only once the deadline ("
                    + Words.moment(run.reviewUntil(), clock.getZone()) + ") has passed; the review is still open.");
        }
        String decision = WhenUnanswered.valueOf(run.whenUnanswered()) == WhenUnanswered.RECLAIM ? "RECLAIM" : "KEEP";
        rows.applyDefault(
                runId,
                reviewer,
                decision,
                DEFAULT_DECISION.userId(),
                Instant.now(clock),
                LocalDate.ofInstant(run.startedAt(), ZoneOffset.UTC));
    }

    /** Takes back the reviewer's licenses decided RECLAIM, in the name of who decided. Returns how many. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int reclaim(String runId, String reviewer) {
        List<ReclaimRows.Item> decided = rows.items(runId, reviewer).stream()
                .filter(i -> "RECLAIM".equals(i.decision()) && !i.reclaimed())
                .toList();
        int reclaimed = 0;
        for (Map.Entry<String, List<ReclaimRows.Item>> byDecider : decided.stream()
                .collect(Collectors.groupingBy(
                        i -> Objects.requireNonNullElse(i.decidedBy(), DEFAULT_DECISION.userId())))
                .entrySet()) {
            Actor actor = byDecider.getKey().equals(DEFAULT_DECISION.userId())
                    ? DEFAULT_DECISION
                    : directory.actor(byDecider.getKey());
            String what = isRecertification(runId) ? "not recertified" : "idle";
            String why = actor == DEFAULT_DECISION
                    ? what + ", nobody answered by the deadline"
                    : what + ", reclaimed by "
                            + directory.require(actor.userId()).displayName();
            List<LicenseAssignment> removed = licenses.reclaim(
                    ChangeContext.byProcess(actor, why, runId),
                    byDecider.getValue().stream()
                            .map(ReclaimRows.Item::assignmentId)
                            .toList());
            rows.markReclaimed(
                    runId, removed.stream().map(LicenseAssignment::id).toList());
            reclaimed += removed.size();
        }
        return reclaimed;
    }

    /** The licenses taken back from the reviewer's people, for the holders' emails. */
    public List<IdleLicense> reclaimedFor(String runId, String reviewer) {
        return rows.reclaimedFor(runId, reviewer).stream().map(this::idle).toList();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public RunReport finish(String runId) {
        ReclaimRows.Tally tally = rows.tally(runId);
        rows.finish(runId, Instant.now(clock), tally.reclaimed(), tally.monthlySaving());
        return report(runId);
    }

    public RunReport report(String runId) {
        return report(requireRun(runId));
    }

    public RunReport run(Actor actor, String runId) {
        access.requireLicenseManager(actor, TO_DO);
        return rows.run(runId)
                .map(this::report)
                .orElseThrow(() -> Rule.UNKNOWN_RECLAIM_RUN.violation("There is no reclaim run " + runId
                        + " (yet: a run just started appears once it has looked for idle licenses)."));
    }

    public List<RunReport> runs(Actor actor) {
        access.requireLicenseManager(actor, TO_DO);
        return rows.runs(50).stream().map(this::report).toList();
    }

    /**
     * The savings view: per product and department, the seats idle now (what the next run would find,
     * with what they cost a month) and the seats reclaimed so far (with the money saved a month).
     * Global, License and Billing admins.
     */
    public List<Savings> savings(Actor actor) {
        access.requireOneOf(
                actor, "see the savings", AdminRole.GLOBAL_ADMIN, AdminRole.LICENSE_ADMIN, AdminRole.BILLING_ADMIN);
        Map<String, Integer> own = rows.rules();
        LocalDate today = LocalDate.now(clock);
        Map<String, Product> products = catalog.list().stream().collect(Collectors.toMap(Product::id, p -> p));
        Map<List<String>, BigDecimal[]> cells = new TreeMap<>(
                Comparator.comparing((List<String> k) -> products.get(k.get(0)).name())
                        .thenComparing(k -> k.get(1)));
        for (Product product : products.values()) {
            for (ReclaimRows.SavingsRow row :
                    rows.idleNow(product.id(), today.minusDays(own.getOrDefault(product.id(), settings.idleDays())))) {
                add(cells, row, 0);
            }
        }
        rows.reclaimed().forEach(row -> add(cells, row, 2));
        return cells.entrySet().stream()
                .map(e -> new Savings(
                        products.get(e.getKey().get(0)).name(),
                        e.getKey().get(1).isEmpty() ? null : e.getKey().get(1),
                        e.getValue()[0].intValue(),
                        e.getValue()[1],
                        e.getValue()[2].intValue(),
                        e.getValue()[3]))
                .toList();
    }

    private static void add(Map<List<String>, BigDecimal[]> cells, ReclaimRows.SavingsRow row, int at) {
        BigDecimal[] cell =
                cells.computeIfAbsent(List.of(row.productId(), Objects.requireNonNullElse(row.department(), "")), k ->
                        new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
        cell[at] = cell[at].add(BigDecimal.valueOf(row.seats()));
        cell[at + 1] = cell[at + 1].add(row.monthly());
    }

    private RunReport report(ReclaimRows.Run run) {
        ReclaimRows.Tally tally = rows.tally(run.id());
        String startedBy = SCHEDULE.equals(run.startedBy())
                ? "the schedule"
                : directory.require(run.startedBy()).displayName();
        return new RunReport(
                run.id(),
                RECERTIFY.equals(run.kind()),
                run.productId() == null
                        ? "every product"
                        : catalog.require(run.productId()).name(),
                startedBy,
                run.startedAt(),
                run.reviewUntil(),
                run.whenUnanswered().toLowerCase(Locale.ROOT),
                run.finishedAt() != null,
                tally.idle(),
                tally.kept(),
                tally.reclaimed(),
                tally.inUse(),
                tally.defaulted(),
                tally.monthlySaving());
    }

    private ReclaimRows.Run requireRun(String runId) {
        return rows.run(runId).orElseThrow(() -> new IllegalStateException("No reclaim run " + runId));
    }

    private String reviewerName(String reviewer) {
        return reviewer == null || reviewer.isEmpty()
                ? "the License admins"
                : directory.require(reviewer).displayName();
    }

    private IdleLicense idle(ReclaimRows.Item item) {
        String why = "DISABLED".equals(item.reason())
                ? "account disabled"
                : item.lastSignedInOn() == null
                        ? "never signed in"
                        : ("HELD".equals(item.reason()) ? "last signed in " : "no sign-in since ")
                                + Words.day(item.lastSignedInOn());
        return new IdleLicense(
                item.assignmentId(),
                item.userId(),
                item.userName(),
                item.productName(),
                why,
                item.monthlyPrice(),
                item.decision(),
                item.keepReason(),
                item.reclaimed(),
                item.defaulted());
    }

    private static Long parse(String value) {
        try {
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
