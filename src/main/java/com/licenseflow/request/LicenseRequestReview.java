package com.licenseflow.request;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.assignment.AssignLicenses;
import com.licenseflow.inventory.assignment.AssignmentMode;
import com.licenseflow.inventory.assignment.AssignmentRepository;
import com.licenseflow.inventory.assignment.LicenseAssignment;
import com.licenseflow.inventory.assignment.LicenseAssignmentService;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.catalog.ServicePlan;
import com.licenseflow.inventory.catalog.ServicePlanConflicts;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionKind;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deciding a license request: approve all or part of it (R6) from the product the reviewer picks
 * (R7) with the services they leave on (R8) and an optional message (R9), or deny it (R5). Only an
 * approver may decide, and never on their own request (four-eyes).
 */
@Service
public class LicenseRequestReview {

    private final LicenseRequestRepository requests;
    /** The approval policy as the one who approves automatically: it assigns as a License administrator would. */
    private static final Actor POLICY =
            Actor.system(ApprovalStages.POLICY_ACTOR_ID, "The approval policy", AdminRole.LICENSE_ADMIN);

    private final ApprovalStages stages;
    private final ProductCatalog catalog;
    private final SubscriptionRepository subscriptions;
    private final LicenseAssignmentService assignments;
    private final AssignmentRepository assignmentRows;
    private final ServicePlanConflicts conflicts;
    private final Clock clock;

    public LicenseRequestReview(
            LicenseRequestRepository requests,
            ApprovalStages stages,
            ProductCatalog catalog,
            SubscriptionRepository subscriptions,
            LicenseAssignmentService assignments,
            AssignmentRepository assignmentRows,
            ServicePlanConflicts conflicts,
            Clock clock) {
        this.requests = requests;
        this.stages = stages;
        this.catalog = catalog;
        this.subscriptions = subscriptions;
        this.assignments = assignments;
        this.assignmentRows = assignmentRows;
        this.conflicts = conflicts;
        this.clock = clock;
    }

    /** R7: the requested product and its substitutes, each with its free central seats. */
    public List<ServingProduct> servingProducts(String productId) {
        return catalog.servingProducts(productId).stream()
                .map(p -> new ServingProduct(
                        p,
                        subscriptions.usable(p.id(), SubscriptionKind.CENTRAL).stream()
                                .mapToInt(Subscription::availableSeats)
                                .sum()))
                .toList();
    }

    /**
     * The conflicts the review form can warn about while the reviewer decides: for each requested
     * user, a service of a product that could serve the request which cannot be on together with a
     * service of a license they already hold (A5).
     */
    public List<ConflictWarning> conflictWarnings(LicenseRequest request) {
        List<Product> serving = catalog.servingProducts(request.productId());
        Map<String, String> planNames = new LinkedHashMap<>();
        serving.forEach(p -> p.servicePlans().forEach(plan -> planNames.put(plan.id(), plan.name())));
        List<ServicePlanConflicts.Conflict> touching = conflicts.touching(planNames.keySet());
        if (touching.isEmpty()) {
            return List.of();
        }
        Map<String, List<LicenseAssignment>> held = assignmentRows.activeByUser(request.userIds());
        List<ConflictWarning> warnings = new java.util.ArrayList<>();
        for (RequestedUser user : request.users()) {
            for (LicenseAssignment license : held.getOrDefault(user.userId(), List.of())) {
                Product heldProduct = catalog.require(license.productId());
                for (ServicePlan heldPlan : heldProduct.servicePlans()) {
                    if (license.disabledPlans().contains(heldPlan.id())) {
                        continue;
                    }
                    for (ServicePlanConflicts.Conflict conflict : touching) {
                        String gained = conflict.planA().equals(heldPlan.id())
                                ? conflict.planB()
                                : conflict.planB().equals(heldPlan.id()) ? conflict.planA() : null;
                        if (gained != null && planNames.containsKey(gained)) {
                            warnings.add(new ConflictWarning(
                                    user.userId(),
                                    gained,
                                    user.displayName() + " holds "
                                            + heldProduct.name() + ", whose " + heldPlan.name()
                                            + " cannot be on together with "
                                            + planNames.get(gained) + ": switch " + planNames.get(gained)
                                            + " off, or leave "
                                            + user.displayName() + " out."));
                        }
                    }
                }
            }
        }
        return warnings;
    }

    /** Refuses a decision the reviewer may not make or that does not fit the request; changes nothing. */
    public void validate(LicenseRequest request, Actor reviewer, ReviewDecision decision) {
        validate(request, reviewer, decision, catalog.servingProducts(request.productId()));
    }

    /** Checks the decision; returns the product to assign from when it approves. */
    private Product validate(LicenseRequest request, Actor reviewer, ReviewDecision decision, List<Product> serving) {
        request.requirePending();
        if (reviewer != POLICY) {
            stages.requireMayDecide(request, reviewer);
        }
        if (!decision.approve()) {
            if (!decision.denyConfirmed()) {
                throw Rule.INVALID_INPUT.violation("Denying refuses the whole request"
                        + (request.users().size() == 1
                                ? ""
                                : " for all " + Words.count(request.users().size(), "user", "users"))
                        + ". Confirm that "
                        + "you want to deny it, or approve it for some of them.");
            }
            return null;
        }
        List<String> approvedUsers = approvedUsers(request, decision);
        if (approvedUsers.isEmpty()) {
            throw Rule.INVALID_INPUT.violation("Approve the request for at least one user, or deny the whole request.");
        }
        Set<String> outsiders = new TreeSet<>(approvedUsers);
        outsiders.removeAll(request.userIds());
        if (!outsiders.isEmpty()) {
            throw Rule.INVALID_INPUT.violation(
                    outsiders + " did not ask for this license; only users in the request " + "can be approved.");
        }
        Product chosen = servingProduct(request, decision.productId(), serving);
        if (decision.enabledPlans() != null) {
            Set<String> known = new HashSet<>();
            serving.forEach(p -> known.addAll(p.planIds()));
            Set<String> unknown = new TreeSet<>(decision.enabledPlans());
            unknown.removeAll(known);
            if (!unknown.isEmpty()) {
                throw Rule.UNKNOWN_SERVICE_PLAN.violation(chosen.name() + " has no apps or services " + unknown + ".");
            }
        }
        return chosen;
    }

    /**
     * Approves and assigns in one step: licenses from {@code sourceSubscriptionId} (or the product's
     * central subscriptions), approved users APPROVED, left-out users DENIED. A seat shortage is
     * refused as NOT_ENOUGH_SEATS with nothing changed, so the caller can let an admin resolve it.
     */
    @Transactional(propagation = Propagation.NESTED)
    public LicenseRequest approve(
            ChangeContext context, String requestId, ReviewDecision decision, Long sourceSubscriptionId) {
        LicenseRequest request = requests.require(requestId);
        Product chosen = validate(request, context.actor(), decision, catalog.servingProducts(request.productId()));
        Set<String> disabled = new TreeSet<>(chosen.planIds());
        if (decision.enabledPlans() == null) {
            disabled.clear();
        } else {
            disabled.removeAll(decision.enabledPlans());
        }
        List<String> approved = request.userIds().stream()
                .filter(approvedUsers(request, decision)::contains)
                .toList();
        assignments.assign(
                context, new AssignLicenses(chosen.id(), sourceSubscriptionId, approved, disabled, AssignmentMode.ADD));
        if (request.endsOn() != null) {
            assignments.setEndDate(context, chosen.id(), approved, request.endsOn());
        }
        Map<String, UserOutcome> outcomes = new LinkedHashMap<>();
        request.userIds()
                .forEach(u -> outcomes.put(u, approved.contains(u) ? UserOutcome.APPROVED : UserOutcome.DENIED));
        LicenseRequestStatus status = approved.size() == request.users().size()
                ? LicenseRequestStatus.APPROVED
                : LicenseRequestStatus.PARTLY_APPROVED;
        Instant now = Instant.now(clock);
        stages.decideLast(requestId, context.actorId(), true, now);
        requests.complete(
                requestId,
                status,
                context.actorId(),
                now,
                chosen.id(),
                String.join(",", disabled),
                decision.message(),
                outcomes);
        return request.completed(status, context.actorId(), now, chosen, disabled, decision.message(), outcomes);
    }

    /**
     * The approval policy approved the request (no stages): the users get the product with all its
     * apps and services, in the name of the policy. {@code users} and {@code productId} are those a
     * seat-shortage resolution left (null: everyone, the requested product).
     */
    @Transactional(propagation = Propagation.NESTED)
    public LicenseRequest approveAutomatically(
            String requestId,
            String processInstanceId,
            List<String> users,
            String productId,
            Long sourceSubscriptionId) {
        LicenseRequest request = requests.require(requestId);
        if (!stages.isAutomatic(requestId)) {
            throw Rule.FOUR_EYES.violation("The approval policy did not approve license request " + requestId
                    + " automatically; it waits for its approvers.");
        }
        return approve(
                ChangeContext.byProcess(
                        POLICY,
                        "license request approved automatically by the approval " + "policy",
                        processInstanceId),
                requestId,
                new ReviewDecision(
                        true, users, productId, null, "Approved automatically: " + stages.policyOf(requestId), false),
                sourceSubscriptionId);
    }

    /** R5: denies the whole request. */
    @Transactional(propagation = Propagation.NESTED)
    public LicenseRequest deny(ChangeContext context, String requestId, ReviewDecision decision) {
        LicenseRequest request = requests.require(requestId);
        validate(request, context.actor(), decision);
        Map<String, UserOutcome> outcomes = new LinkedHashMap<>();
        request.userIds().forEach(u -> outcomes.put(u, UserOutcome.DENIED));
        Instant now = Instant.now(clock);
        stages.decideLast(requestId, context.actorId(), false, now);
        requests.complete(
                requestId,
                LicenseRequestStatus.DENIED,
                context.actorId(),
                now,
                null,
                null,
                decision.message(),
                outcomes);
        return request.completed(
                LicenseRequestStatus.DENIED, context.actorId(), now, null, Set.of(), decision.message(), outcomes);
    }

    /** Nobody decided within the retention period: every user's request expires. */
    @Transactional(propagation = Propagation.NESTED)
    public LicenseRequest expire(String requestId) {
        LicenseRequest request = requests.require(requestId);
        request.requirePending();
        Map<String, UserOutcome> outcomes = new LinkedHashMap<>();
        request.userIds().forEach(u -> outcomes.put(u, UserOutcome.EXPIRED));
        Instant now = Instant.now(clock);
        requests.complete(requestId, LicenseRequestStatus.EXPIRED, null, now, null, null, null, outcomes);
        return request.completed(LicenseRequestStatus.EXPIRED, null, now, null, Set.of(), null, outcomes);
    }

    private static Product servingProduct(LicenseRequest request, String productId, List<Product> serving) {
        String wanted = productId == null || productId.isBlank() ? request.productId() : productId;
        return serving.stream()
                .filter(p -> p.id().equals(wanted))
                .findFirst()
                .orElseThrow(() -> Rule.INVALID_INPUT.violation(
                        "'" + wanted + "' cannot serve a request for " + request.productName() + ". Pick one of: "
                                + serving.stream().map(Product::name).toList() + "."));
    }

    private static List<String> approvedUsers(LicenseRequest request, ReviewDecision decision) {
        return decision.approvedUserIds() == null ? request.userIds() : decision.approvedUserIds();
    }
}
