package com.licenseflow.inventory.assignment;

import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.TakeoverLock;
import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.catalog.ServicePlan;
import com.licenseflow.inventory.catalog.ServicePlanConflicts;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionKind;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.inventory.subscription.SubscriptionWords;
import com.licenseflow.shared.LicenseRuleViolation;
import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigns and removes licenses (A1, A3, A4, A5, A6, A7, A9, S4). Every rule is checked before the
 * first write. The methods run NESTED: called from a process step they take a savepoint inside the
 * engine's transaction, so a refusal undoes exactly this call and the step can still route the
 * process (e.g. to "resolve seat shortage") without the whole engine transaction being spoilt.
 */
@Service
public class LicenseAssignmentService {

    private final Directory directory;
    private final ProductCatalog catalog;
    private final SubscriptionRepository subscriptions;
    private final AssignmentRepository assignments;
    private final LicenseLedger ledger;
    private final ServicePlanConflicts conflicts;
    private final AccessPolicy access;
    private final SubscriptionWords subscriptionWords;
    private final TakeoverLock takeovers;

    public LicenseAssignmentService(
            Directory directory,
            ProductCatalog catalog,
            SubscriptionRepository subscriptions,
            AssignmentRepository assignments,
            LicenseLedger ledger,
            ServicePlanConflicts conflicts,
            AccessPolicy access,
            TakeoverLock takeovers,
            SubscriptionWords subscriptionWords) {
        this.subscriptionWords = subscriptionWords;
        this.directory = directory;
        this.catalog = catalog;
        this.subscriptions = subscriptions;
        this.assignments = assignments;
        this.ledger = ledger;
        this.conflicts = conflicts;
        this.access = access;
        this.takeovers = takeovers;
    }

    @Transactional(propagation = Propagation.NESTED)
    public List<LicenseAssignment> assign(ChangeContext context, AssignLicenses command) {
        Actor actor = context.actor();
        UserBatch.validate(command.userIds());
        Product product = catalog.require(command.productId());
        List<Subscription> sources = sourcesFor(actor, product, command.subscriptionId());
        requirePlansOf(product, command.disabledPlans());
        List<DirectoryUser> users = directory.requireAll(command.userIds());
        Map<String, List<LicenseAssignment>> held = assignments.activeByUser(command.userIds());
        Set<String> enabled = new TreeSet<>(product.planIds());
        enabled.removeAll(command.disabledPlans());

        for (DirectoryUser user : users) {
            requireAssignable(actor, user);
            List<LicenseAssignment> current = held.getOrDefault(user.id(), List.of());
            current.stream()
                    .filter(a -> a.productId().equals(product.id()))
                    .findFirst()
                    .ifPresent(a -> {
                        throw Rule.ALREADY_LICENSED.violation(user.label() + " already has a " + product.name()
                                + " license. Leave them out, or change "
                                + "their apps and services on the license they have.");
                    });
            if (command.mode() == AssignmentMode.REPLACE) {
                for (LicenseAssignment replaced : current) {
                    requireMayManage(actor, subscriptions.require(replaced.subscriptionId()));
                }
            } else {
                requireNoConflict(user, product, enabled, current, null);
            }
        }

        List<Long> seatSources = ledger.takeSeats(product, sources, users.size());
        List<LicenseAssignment> created = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            DirectoryUser user = users.get(i);
            if (command.mode() == AssignmentMode.REPLACE) {
                removeAll(context, user, held.getOrDefault(user.id(), List.of()));
            }
            long subscriptionId = seatSources.get(i);
            long id;
            try {
                id = ledger.assign(
                        context,
                        user.id(),
                        subscriptionId,
                        product.id(),
                        command.disabledPlans(),
                        product.name() + " assigned to " + user.displayName() + " from "
                                + subscriptionWords.of(subscriptionId)
                                + (command.disabledPlans().isEmpty()
                                        ? ", all apps and services on"
                                        : ", switched off: "
                                                + product.servicePlans().stream()
                                                        .filter(plan -> command.disabledPlans()
                                                                .contains(plan.id()))
                                                        .map(ServicePlan::name)
                                                        .collect(Words.and())));
            } catch (DuplicateKeyException raced) {
                throw Rule.ALREADY_LICENSED.violation(user.label() + " was given a " + product.name()
                        + " license by someone else a moment ago. Reload and check their licenses.");
            }
            created.add(assignments.require(id));
        }
        return created;
    }

    /** A7: removes {@code productId} licenses from up to 20 users. */
    @Transactional(propagation = Propagation.NESTED)
    public List<LicenseAssignment> unassign(ChangeContext context, String productId, List<String> userIds) {
        List<LicenseAssignment> removing = toUnassign(context.actor(), productId, userIds);
        Map<String, DirectoryUser> byId =
                directory.requireAll(userIds).stream().collect(Collectors.toMap(DirectoryUser::id, u -> u));
        removing.forEach(license -> remove(context, byId.get(license.userId()), license));
        return removing.stream().map(a -> assignments.require(a.id())).toList();
    }

    /**
     * The licenses {@link #unassign} would remove, checked by the same rules and nothing changed: what a
     * confirmation shows before anything is taken away.
     */
    @Transactional(readOnly = true)
    public List<LicenseAssignment> toUnassign(Actor actor, String productId, List<String> userIds) {
        UserBatch.validate(userIds);
        Product product = catalog.require(productId);
        List<DirectoryUser> users = directory.requireAll(userIds);
        Map<String, List<LicenseAssignment>> held = assignments.activeByUser(userIds);
        List<LicenseAssignment> removing = new ArrayList<>();
        for (DirectoryUser user : users) {
            LicenseAssignment license = held.getOrDefault(user.id(), List.of()).stream()
                    .filter(a -> a.productId().equals(productId))
                    .findFirst()
                    .orElseThrow(() -> Rule.NOT_LICENSED.violation(user.label() + " has no " + product.name()
                            + " license to remove. Leave them out of the list."));
            requireMayManage(actor, subscriptions.require(license.subscriptionId()));
            removing.add(license);
        }
        return removing;
    }

    /**
     * The {@code productId} licenses the users hold end on {@code endsOn}: a license granted for a time
     * (a request's end date, an extension). Who may decide that is the caller's rule (the approval
     * policy's approvers); users who do not hold the product are passed over.
     */
    @Transactional(propagation = Propagation.NESTED)
    public void setEndDate(ChangeContext context, String productId, Collection<String> userIds, LocalDate endsOn) {
        String product = catalog.require(productId).name();
        Map<String, List<LicenseAssignment>> held = assignments.activeByUser(userIds);
        held.values().stream()
                .flatMap(List::stream)
                .filter(a -> a.productId().equals(productId))
                .forEach(license -> ledger.setEndDate(
                        context,
                        license,
                        endsOn,
                        product + " license of " + nameOf(license.userId()) + " ends on " + Words.day(endsOn)));
    }

    /**
     * Ends the {@code productId} licenses of the users whose end date is {@code today} or earlier: each
     * removed like any other (seat back, mailbox data kept until {@link LicenseLedger#dataKeptUntil()}).
     */
    @Transactional(propagation = Propagation.NESTED)
    public List<LicenseAssignment> endDue(
            ChangeContext context, String productId, Collection<String> userIds, LocalDate today) {
        String product = catalog.require(productId).name();
        List<LicenseAssignment> due = assignments.activeEndingBy(productId, userIds, today);
        due.forEach(license -> ledger.remove(
                context,
                license,
                product + " license of " + nameOf(license.userId()) + " ended on its end date; mailbox data kept until "
                        + Words.day(ledger.dataKeptUntil())));
        return due;
    }

    /**
     * Takes back licenses a lifecycle process decided to reclaim (idle, or not recertified), each removed
     * like any other (seat back, mailbox data kept until {@link LicenseLedger#dataKeptUntil()}). Who may
     * decide that is the process's rule; licenses removed meanwhile are passed over. Returns those removed.
     */
    @Transactional(propagation = Propagation.NESTED)
    public List<LicenseAssignment> reclaim(ChangeContext context, Collection<Long> assignmentIds) {
        List<LicenseAssignment> held = assignments.activeAmong(assignmentIds);
        Map<String, String> names = new HashMap<>();
        for (LicenseAssignment license : held) {
            String product = names.computeIfAbsent(
                    license.productId(), id -> catalog.require(id).name());
            ledger.remove(
                    context,
                    license,
                    product + " license of " + nameOf(license.userId()) + " reclaimed: " + context.reason()
                            + "; mailbox data kept until " + Words.day(ledger.dataKeptUntil()));
        }
        return held;
    }

    /**
     * A4: several products to several users in one go, each product as {@link #assign} would (ADD, all
     * services on). All or nothing: a refusal for any product undoes the products before it.
     */
    @Transactional(propagation = Propagation.NESTED)
    public List<LicenseAssignment> assignSeveral(ChangeContext context, List<String> productIds, List<String> userIds) {
        if (productIds == null
                || productIds.isEmpty()
                || productIds.size() > 10
                || productIds.stream().distinct().count() != productIds.size()) {
            throw Rule.INVALID_INPUT.violation("Name between 1 and 10 different products to assign.");
        }
        List<LicenseAssignment> assigned = new ArrayList<>();
        for (String productId : productIds) {
            assigned.addAll(
                    assign(context, new AssignLicenses(productId, null, userIds, Set.of(), AssignmentMode.ADD)));
        }
        return assigned;
    }

    /** A7 "unassign all": removes every license one user holds. */
    @Transactional(propagation = Propagation.NESTED)
    public List<LicenseAssignment> unassignAll(ChangeContext context, String userId) {
        return unassignAll(context, List.of(userId));
    }

    /**
     * A7 "unassign all" for several users at once (up to {@link UserBatch#MAX_USERS}), as the admin center
     * does for a selection: every license each holds. Checked for every license before the first is
     * removed: one the caller may not manage refuses the whole call, nothing removed.
     */
    @Transactional(propagation = Propagation.NESTED)
    public List<LicenseAssignment> unassignAll(ChangeContext context, List<String> userIds) {
        List<LicenseAssignment> removing = toUnassignAll(context.actor(), userIds);
        List<LicenseAssignment> removed = new ArrayList<>();
        for (DirectoryUser user : directory.requireAll(userIds)) {
            List<LicenseAssignment> licenses =
                    removing.stream().filter(a -> a.userId().equals(user.id())).toList();
            removeAll(context, user, licenses);
            removed.addAll(licenses);
        }
        return removed.stream().map(a -> assignments.require(a.id())).toList();
    }

    /** The licenses {@link #unassignAll(ChangeContext, List)} would remove, checked alike, nothing changed. */
    @Transactional(readOnly = true)
    public List<LicenseAssignment> toUnassignAll(Actor actor, List<String> userIds) {
        UserBatch.validate(userIds);
        directory.requireAll(userIds);
        Map<String, List<LicenseAssignment>> held = assignments.activeByUser(userIds);
        if (held.isEmpty()) {
            access.requireLicenseManager(actor, "remove licenses");
        }
        List<LicenseAssignment> removing = new ArrayList<>();
        for (String userId : userIds) {
            for (LicenseAssignment license : held.getOrDefault(userId, List.of())) {
                requireMayManage(actor, subscriptions.require(license.subscriptionId()));
                removing.add(license);
            }
        }
        return removing;
    }

    /** A3: switches individual apps and services of one user's license on or off. */
    @Transactional(propagation = Propagation.NESTED)
    public LicenseAssignment changeServicePlans(
            ChangeContext context, String userId, String productId, Set<String> disabledPlans) {
        DirectoryUser user = directory.require(userId);
        Product product = catalog.require(productId);
        List<LicenseAssignment> held = assignments.activeByUser(List.of(userId)).getOrDefault(userId, List.of());
        LicenseAssignment license = held.stream()
                .filter(a -> a.productId().equals(productId))
                .findFirst()
                .orElseThrow(() -> Rule.NOT_LICENSED.violation(
                        user.label() + " has no " + product.name() + " license; assign one first."));
        requireMayManage(context.actor(), subscriptions.require(license.subscriptionId()));
        requirePlansOf(product, disabledPlans);
        Set<String> enabled = new TreeSet<>(product.planIds());
        enabled.removeAll(disabledPlans);
        Set<String> switchedOn = new TreeSet<>(enabled);
        switchedOn.removeAll(enabledPlans(product, license.disabledPlans()));
        requireNoConflict(user, product, switchedOn, held, license);
        ledger.changeServices(
                context,
                license,
                disabledPlans,
                "Apps and services of " + user.displayName() + "'s " + product.name() + " license: "
                        + (disabledPlans.isEmpty()
                                ? "all on"
                                : "switched off "
                                        + product.servicePlans().stream()
                                                .filter(plan -> disabledPlans.contains(plan.id()))
                                                .map(ServicePlan::name)
                                                .collect(Words.and())));
        return assignments.require(license.id());
    }

    /** Every license the user holds or held, newest first; removed ones say until when their data is kept (A8). */
    public List<LicenseAssignment> licensesOf(Actor actor, String userId) {
        if (!actor.userId().equals(userId)) {
            access.requireAnyAdmin(actor, "see another user's licenses");
        }
        directory.require(userId);
        return assignments.historyOf(userId);
    }

    /**
     * Where the seats for an assignment come from. S4: a self-service subscription is managed by its
     * purchaser alone; admins must take it over first.
     */
    private List<Subscription> sourcesFor(Actor actor, Product product, Long subscriptionId) {
        if (subscriptionId == null) {
            access.requireLicenseManager(actor, "assign licenses");
            List<Subscription> central = subscriptions.usable(product.id(), SubscriptionKind.CENTRAL);
            if (central.isEmpty()) {
                throw Rule.NOT_ENOUGH_SEATS.violation("The organisation has no active subscription for "
                        + product.name() + ". Buy " + product.name() + " first, then assign its licenses.");
            }
            return central;
        }
        Subscription subscription = subscriptions.require(subscriptionId);
        requireMayManage(actor, subscription);
        if (!subscription.productId().equals(product.id())) {
            throw Rule.INVALID_INPUT.violation("That subscription is for another product ("
                    + catalog.require(subscription.productId()).name() + "), not " + product.name() + ".");
        }
        if (!subscription.status().providesLicenses()) {
            throw Rule.SUBSCRIPTION_NOT_USABLE.violation("That " + product.name() + " subscription is "
                    + subscription.status().label() + " and cannot give out licenses. Pick an active subscription of "
                    + product.name() + ", or reactivate this one.");
        }
        return List.of(subscription);
    }

    private void requireMayManage(Actor actor, Subscription subscription) {
        if (!subscription.isSelfService()) {
            access.requireLicenseManager(actor, "assign or remove licenses");
            return;
        }
        if (actor.userId().equals(subscription.purchaserId())) {
            // Once an admin has taken control, the purchaser's changes would race the move or cancellation.
            takeovers.holder(subscription.id()).ifPresent(takeover -> {
                throw Rule.TAKEOVER_RUNNING.violation("Your "
                        + catalog.require(subscription.productId()).name()
                        + " subscription is being taken over by " + nameOf(takeover.adminId()) + "; its licenses "
                        + "cannot be changed until the takeover ends. Ask them about it.");
            });
            return;
        }
        String purchaser = nameOf(subscription.purchaserId());
        throw Rule.SELF_SERVICE_SUBSCRIPTION_NOT_MANAGEABLE.violation(
                "This " + catalog.require(subscription.productId()).name()
                        + " subscription is a self-service purchase by " + purchaser + ". Administrators cannot assign "
                        + "or remove its licenses: take the subscription over first (in Tasklist: Start process, Take over a "
                        + "self-service subscription), or ask " + purchaser + ".");
    }

    private String nameOf(String userId) {
        try {
            return directory.require(userId).displayName();
        } catch (LicenseRuleViolation unknown) {
            return userId;
        }
    }

    private void requireAssignable(Actor actor, DirectoryUser user) {
        if (user.isGuest()) {
            access.requireMayLicenseGuest(actor, user.label());
        }
        if (!user.hasUsageLocation()) {
            throw Rule.NO_USAGE_LOCATION.violation(user.label() + " has no usage location, and licenses can only "
                    + "be assigned to users who have one. Set their usage location (the two-letter code of the country "
                    + "they work in) first, then try again.");
        }
    }

    private void requirePlansOf(Product product, Set<String> plans) {
        Set<String> outside = ProductCatalog.plansOutside(product, plans);
        if (!outside.isEmpty()) {
            throw Rule.UNKNOWN_SERVICE_PLAN.violation(product.name() + " has no service plans " + outside
                    + ". Its plans are " + new TreeSet<>(product.planIds()) + ".");
        }
    }

    /**
     * A5 for a whole subscription at once: its users who move to {@code target} (those who do not hold it
     * already) may not get a service that conflicts with one switched on in their other licenses. The
     * same rule and words as for one user, read once for the few users who can conflict at all.
     */
    public void requireNoConflictOnMove(Subscription source, Product target) {
        if (source.productId().equals(target.id())) {
            return; // the same services as before: nothing new is switched on
        }
        Set<String> plans = new HashSet<>();
        conflicts.touching(target.planIds()).forEach(c -> {
            plans.add(c.planA());
            plans.add(c.planB());
        });
        if (plans.isEmpty()) {
            return;
        }
        List<String> users = assignments.holdersOfOtherPlans(source.id(), target.id(), plans);
        if (users.isEmpty()) {
            return;
        }
        Map<String, List<LicenseAssignment>> held = assignments.activeByUser(users);
        for (DirectoryUser user : directory.requireAll(users)) {
            List<LicenseAssignment> licenses = held.getOrDefault(user.id(), List.of());
            LicenseAssignment moving = licenses.stream()
                    .filter(a -> a.subscriptionId() == source.id())
                    .findFirst()
                    .orElseThrow();
            Set<String> gained = enabledPlans(target, moving.disabledPlans());
            requireNoConflict(
                    user,
                    target,
                    gained,
                    licenses,
                    moving,
                    "Switch one of the two off first, or pick a " + "subscription of "
                            + catalog.require(source.productId()).name() + ". Nothing was moved.");
        }
    }

    /** A5: the plans a user would gain may not conflict with any plan enabled on their other licenses. */
    private void requireNoConflict(
            DirectoryUser user,
            Product product,
            Set<String> gained,
            List<LicenseAssignment> held,
            LicenseAssignment except) {
        requireNoConflict(
                user,
                product,
                gained,
                held,
                except,
                "Check the services of each license, switch one of the " + "two off, and try again.");
    }

    private void requireNoConflict(
            DirectoryUser user,
            Product product,
            Set<String> gained,
            List<LicenseAssignment> held,
            LicenseAssignment except,
            String whatToDo) {
        Map<String, Product> holding = new HashMap<>();
        Set<String> enabledElsewhere = new HashSet<>();
        for (LicenseAssignment other : held) {
            if (except != null && other.id() == except.id()) {
                continue;
            }
            Product otherProduct = catalog.require(other.productId());
            for (String plan : enabledPlans(otherProduct, other.disabledPlans())) {
                enabledElsewhere.add(plan);
                holding.put(plan, otherProduct);
            }
        }
        conflicts.between(gained, enabledElsewhere).ifPresent(conflict -> {
            boolean aIsNew = gained.contains(conflict.planA()) && enabledElsewhere.contains(conflict.planB());
            String newPlan = aIsNew ? conflict.planA() : conflict.planB();
            String heldPlan = aIsNew ? conflict.planB() : conflict.planA();
            Product other = holding.get(heldPlan);
            throw Rule.CONFLICTING_SERVICE_PLANS.violation(user.label() + " cannot have " + planName(product, newPlan)
                    + " from " + product.name() + " switched on together with " + planName(other, heldPlan)
                    + " from their " + other.name() + " license: " + conflict.reason() + " " + whatToDo);
        });
    }

    private void removeAll(ChangeContext context, DirectoryUser user, List<LicenseAssignment> held) {
        held.forEach(license -> remove(context, user, license));
    }

    private void remove(ChangeContext context, DirectoryUser user, LicenseAssignment license) {
        ledger.remove(
                context,
                license,
                catalog.require(license.productId()).name() + " removed from " + user.displayName() + " ("
                        + subscriptionWords.of(license.subscriptionId()) + "); mailbox data kept until "
                        + Words.day(ledger.dataKeptUntil()));
    }

    private static Set<String> enabledPlans(Product product, Set<String> disabled) {
        Set<String> enabled = new TreeSet<>(product.planIds());
        enabled.removeAll(disabled);
        return enabled;
    }

    private static String planName(Product product, String planId) {
        Map<String, String> names = new LinkedHashMap<>();
        product.servicePlans().forEach(p -> names.put(p.id(), p.name()));
        return names.getOrDefault(planId, planId) + " (" + planId + ")";
    }

    /** The service plans of a product, each with whether it is on for the given license. */
    public static List<PlanState> planStates(Product product, Set<String> disabled) {
        List<PlanState> states = new ArrayList<>();
        for (ServicePlan plan : product.servicePlans()) {
            states.add(new PlanState(plan.id(), plan.name(), !disabled.contains(plan.id())));
        }
        return states;
    }

    public record PlanState(String id, String name, boolean enabled) {}
}
