package com.licenseflow.request;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.request.ApprovalPolicy.Approver;
import com.licenseflow.request.ApprovalPolicy.Plan;
import com.licenseflow.shared.Rule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval stages of license requests, as the approval policy planned them: which stage a
 * request is at, whom it waits for, who decided each stage, and escalation to the stage's fallback.
 *
 * <p>Four-eyes holds in every stage: nobody approves a request they made or one that names them. A
 * manager stage goes up the chain past such people (to the manager's manager), and to the stage's
 * fallback role when the chain ends; a stage that would wait for the same role as the next one is
 * skipped, since the same people would approve twice.
 */
@Service
public class ApprovalStages {

    /** Who approved a request the policy approves automatically, as the audit trail and emails name it. */
    public static final String POLICY_ACTOR_ID = "approval-policy";

    /** What the process does next with a request. */
    public enum Next {
        /** The policy approved it: licenses are assigned without a review. */
        AUTOMATIC,
        /** A stage before the last waits: approve or deny. */
        STAGE,
        /** The last stage waits: the review that chooses products, services and users. */
        REVIEW
    }

    /** Where a request's approval stands, for the Requests list. */
    public record Progress(String policy, int stage, int stages, String waitingFor) {}

    private final LicenseRequestRepository requests;
    private final ApprovalStageRows rows;
    private final ApprovalPolicy policy;
    private final ProductCatalog catalog;
    private final DirectoryRepository directory;
    private final Clock clock;

    public ApprovalStages(
            LicenseRequestRepository requests,
            ApprovalStageRows rows,
            ApprovalPolicy policy,
            ProductCatalog catalog,
            DirectoryRepository directory,
            Clock clock) {
        this.requests = requests;
        this.rows = rows;
        this.policy = policy;
        this.catalog = catalog;
        this.directory = directory;
        this.clock = clock;
    }

    /** Asks the policy who approves the request, records its stages and starts the first. */
    @Transactional(propagation = Propagation.NESTED)
    public Plan plan(String requestId) {
        LicenseRequest request = requests.require(requestId);
        DirectoryUser requester = directory.find(request.requesterId()).orElseThrow();
        Plan plan = policy.decide(
                catalog.require(request.productId()),
                requester,
                List.copyOf(directory.findAll(request.userIds()).values()));
        rows.recordPolicy(requestId, plan.policy());
        if (plan.licenseDays() != null) {
            LocalDate policyEnd = LocalDate.now(clock).plusDays(plan.licenseDays());
            if (request.endsOn() == null || policyEnd.isBefore(request.endsOn())) {
                requests.changeEndDate(requestId, policyEnd);
            }
        }
        for (int i = 0; i < plan.stages().size(); i++) {
            rows.insert(
                    requestId,
                    i + 1,
                    plan.stages().get(i).approver().code(),
                    plan.stages().get(i).escalateAfter().toString());
        }
        if (!plan.automatic()) {
            enter(request, 1);
        }
        return plan;
    }

    public Next next(String requestId) {
        List<ApprovalStageRows.StageRow> stages = stagesOf(requestId);
        if (stages.isEmpty()) {
            return Next.AUTOMATIC;
        }
        ApprovalStageRows.StageRow current = current(requestId, stages);
        return current.position() == stages.size() ? Next.REVIEW : Next.STAGE;
    }

    /** The roles of the request's last stage (who reviewed it), else the request approvers: who approves an extension. */
    public Set<AdminRole> finalApproverRoles(String requestId) {
        List<ApprovalStageRows.StageRow> stages = rows.of(requestId);
        return stages.isEmpty()
                ? policy.requestApproverRoles()
                : Approver.ofCode(stages.get(stages.size() - 1).approver()).roles();
    }

    /** Whether the policy approved the request without stages. */
    public boolean isAutomatic(String requestId) {
        return stagesOf(requestId).isEmpty();
    }

    /** The policy's own words for the rule that decided the request's stages. */
    public String policyOf(String requestId) {
        return rows.policies(List.of(requestId)).get(requestId);
    }

    /**
     * The request's stages. A request registered before approval policies existed has none and no
     * policy: it gets the one stage it had then, the request approvers.
     */
    private List<ApprovalStageRows.StageRow> stagesOf(String requestId) {
        List<ApprovalStageRows.StageRow> stages = rows.of(requestId);
        if (stages.isEmpty() && policyOf(requestId) == null) {
            ApprovalPolicy.Approver approvers = new Approver(false, policy.requestApproverRoles());
            rows.recordPolicy(requestId, "Registered before approval policies: the request approvers");
            rows.insert(requestId, 1, approvers.code(), "P3650D");
            rows.waitFor(requestId, 1, null, approvers.code(), false);
            return rows.of(requestId);
        }
        return stages;
    }

    /** The one person the current stage waits for, else null (it waits for a role's group). */
    public String assignee(String requestId) {
        return current(requestId).waitingForUser();
    }

    /** The Camunda groups the current stage waits for (none when it waits for one person). */
    public List<String> candidateGroups(String requestId) {
        return roles(current(requestId)).stream()
                .map(AdminRole::groupId)
                .sorted()
                .toList();
    }

    /** How long the current stage waits before its fallback takes over (ISO 8601). */
    public String escalateAfter(String requestId) {
        return current(requestId).timeout();
    }

    /** The people the current stage waits for, the requester and the users it names left out. */
    public List<DirectoryUser> waitingFor(LicenseRequest request) {
        if (!request.isPending()) {
            return List.of();
        }
        ApprovalStageRows.StageRow stage = current(request.id());
        Set<String> excluded = excluded(request);
        List<DirectoryUser> people = stage.waitingForUser() != null
                ? directory.find(stage.waitingForUser()).stream().toList()
                : directory.withAnyRole(roles(stage));
        return people.stream().filter(p -> !excluded.contains(p.id())).toList();
    }

    /**
     * Refuses {@code actor} unless the current stage waits for them and the request neither comes from
     * nor names them; changes nothing.
     */
    public void requireMayDecide(LicenseRequest request, Actor actor) {
        ApprovalStageRows.StageRow stage = current(request.id());
        if (actor.userId().equals(request.requesterId())) {
            throw Rule.FOUR_EYES.violation("You asked for " + request.productName() + " yourself, so you cannot "
                    + "decide this request. " + whoElse(stage));
        }
        if (request.userIds().contains(actor.userId())) {
            throw Rule.FOUR_EYES.violation("This request asks for " + request.productName() + " for you too, so you "
                    + "cannot decide it. " + whoElse(stage));
        }
        boolean waitsForActor = stage.waitingForUser() != null
                ? stage.waitingForUser().equals(actor.userId())
                : actor.roles().stream().anyMatch(roles(stage)::contains);
        if (!waitsForActor) {
            throw Rule.NOT_THE_APPROVER.violation(
                    "This stage of the request waits for " + waitingWords(stage) + ", not for you.");
        }
    }

    /** The decision of a stage before the last: approved moves the request to the next stage. */
    @Transactional(propagation = Propagation.NESTED)
    public void decide(String requestId, Actor actor, boolean approved) {
        LicenseRequest request = requests.require(requestId);
        request.requirePending();
        ApprovalStageRows.StageRow stage = current(requestId);
        requireMayDecide(request, actor);
        rows.decide(requestId, stage.position(), approved ? "APPROVED" : "DENIED", actor.userId(), Instant.now(clock));
        if (approved) {
            enter(request, stage.position() + 1);
        }
    }

    /** The last stage was decided (the review): it is recorded as that stage's outcome. */
    void decideLast(String requestId, String decidedBy, boolean approved, Instant at) {
        rows.of(requestId).stream()
                .filter(s -> "WAITING".equals(s.outcome()))
                .findFirst()
                .ifPresent(stage ->
                        rows.decide(requestId, stage.position(), approved ? "APPROVED" : "DENIED", decidedBy, at));
    }

    /** Whether the latest decided stage approved. */
    public boolean lastStageApproved(String requestId) {
        return rows.of(requestId).stream()
                .filter(s -> s.decidedBy() != null)
                .reduce((first, second) -> second)
                .map(s -> "APPROVED".equals(s.outcome()))
                .orElse(false);
    }

    /**
     * The current stage waited too long: it now waits for its fallback (the next manager up, else the
     * policy's fallback role). Returns the new approvers in words, or empty when there is no fallback
     * and the stage keeps waiting for the same people.
     */
    @Transactional(propagation = Propagation.NESTED)
    public Optional<String> escalate(String requestId) {
        LicenseRequest request = requests.require(requestId);
        request.requirePending();
        ApprovalStageRows.StageRow stage = current(requestId);
        Optional<Resolved> fallback;
        if (stage.waitingForUser() != null) {
            fallback = Optional.of(managerAbove(stage.waitingForUser(), request)
                    .<Resolved>map(user -> new Resolved(user, null))
                    .orElseGet(() -> roleFallback(Approver.THE_MANAGER)));
        } else {
            fallback = Optional.ofNullable(roleFallback(new Approver(false, roles(stage))))
                    .filter(r -> r.role() != null && !r.role().equals(stage.waitingForRole()));
        }
        if (fallback.isEmpty()
                || fallback.get().role() == null && fallback.get().user() == null) {
            return Optional.empty();
        }
        rows.waitFor(
                requestId,
                stage.position(),
                fallback.get().user(),
                fallback.get().role(),
                true);
        return Optional.of(waitingWords(current(requestId)));
    }

    /** Where each pending request's approval stands, by request id. */
    public Map<String, Progress> progress(Collection<LicenseRequest> pending) {
        Map<String, List<ApprovalStageRows.StageRow>> stages =
                rows.of(pending.stream().map(LicenseRequest::id).toList());
        Map<String, String> policies = rows.policies(stages.keySet());
        return stages.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> {
            // A request denied at a stage keeps the later stages it never reached: they wait for nobody, and
            // the request stands at the last stage someone decided.
            Optional<ApprovalStageRows.StageRow> waiting = e.getValue().stream()
                    .filter(ApprovalStages::waitsForSomeone)
                    .findFirst();
            ApprovalStageRows.StageRow at = waiting.or(() -> e.getValue().stream()
                            .filter(s -> !"WAITING".equals(s.outcome()))
                            .reduce((first, second) -> second))
                    .orElse(e.getValue().get(0));
            return new Progress(
                    policies.get(e.getKey()),
                    at.position(),
                    e.getValue().size(),
                    waiting.map(this::waitingWords).orElse(null));
        }));
    }

    private record Resolved(String user, String role) {}

    /** Starts stage {@code position}: finds whom it waits for; skips it when the next stage waits for the same. */
    private void enter(LicenseRequest request, int position) {
        List<ApprovalStageRows.StageRow> stages = rows.of(request.id());
        if (position > stages.size()) {
            return;
        }
        ApprovalStageRows.StageRow stage = stages.get(position - 1);
        Approver approver = Approver.ofCode(stage.approver());
        Resolved who = approver.manager()
                ? managerAbove(request.requesterId(), request)
                        .map(user -> new Resolved(user, null))
                        .orElseGet(() -> roleFallback(approver))
                : new Resolved(null, approver.code());
        if (position < stages.size()
                && who.role() != null
                && who.role().equals(stages.get(position).approver())) {
            rows.decide(request.id(), position, "SKIPPED", null, Instant.now(clock));
            enter(request, position + 1);
            return;
        }
        rows.waitFor(request.id(), position, who.user(), who.role(), false);
    }

    /** The first manager above {@code userId} who neither made nor is named in the request. */
    private Optional<String> managerAbove(String userId, LicenseRequest request) {
        Set<String> excluded = excluded(request);
        Set<String> seen = new HashSet<>();
        String next = directory.find(userId).map(DirectoryUser::managerId).orElse(null);
        while (next != null && seen.add(next)) {
            if (!excluded.contains(next)) {
                return Optional.of(next);
            }
            next = directory.find(next).map(DirectoryUser::managerId).orElse(null);
        }
        return Optional.empty();
    }

    /** The policy's fallback role for {@code approver}; for a manager without one, the request approvers. */
    private Resolved roleFallback(Approver approver) {
        Optional<Approver> fallback = policy.fallback(approver);
        if (fallback.isEmpty() || fallback.get().manager()) {
            return approver.manager()
                    ? new Resolved(null, new Approver(false, policy.requestApproverRoles()).code())
                    : new Resolved(null, null);
        }
        return new Resolved(null, fallback.get().code());
    }

    private ApprovalStageRows.StageRow current(String requestId) {
        return current(requestId, stagesOf(requestId));
    }

    private static ApprovalStageRows.StageRow current(String requestId, List<ApprovalStageRows.StageRow> stages) {
        return stages.stream()
                .filter(ApprovalStages::waitsForSomeone)
                .findFirst()
                .orElseThrow(() -> Rule.REQUEST_NOT_PENDING.violation(
                        "License request " + requestId + " waits for no approval stage."));
    }

    private static boolean waitsForSomeone(ApprovalStageRows.StageRow stage) {
        return "WAITING".equals(stage.outcome()) && (stage.waitingForUser() != null || stage.waitingForRole() != null);
    }

    private static Set<AdminRole> roles(ApprovalStageRows.StageRow stage) {
        return stage.waitingForRole() == null
                ? Set.of()
                : Approver.ofCode(stage.waitingForRole()).roles();
    }

    private String waitingWords(ApprovalStageRows.StageRow stage) {
        if (stage.waitingForUser() != null) {
            return directory
                    .find(stage.waitingForUser())
                    .map(DirectoryUser::displayName)
                    .orElse(stage.waitingForUser());
        }
        return Approver.ofCode(stage.waitingForRole()).words();
    }

    private String whoElse(ApprovalStageRows.StageRow stage) {
        return stage.waitingForUser() != null
                ? "It goes to the next manager up when this stage has waited too long."
                : "Another administrator must review it.";
    }

    private static Set<String> excluded(LicenseRequest request) {
        Set<String> excluded = new HashSet<>(request.userIds());
        excluded.add(request.requesterId());
        return excluded;
    }
}
