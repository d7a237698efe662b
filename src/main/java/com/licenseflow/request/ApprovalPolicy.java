package com.licenseflow.request;

import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryUser;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Who approves a license request: the decision table processes/license-approval-policy.dmn, which a
 * process designer edits in Camunda Modeler and redeploys; its latest version decides. This class only
 * feeds it the request's facts and reads its answer in words ("manager", "License administrator").
 */
@Component
public class ApprovalPolicy {

    /** The decision that names a request's stages. */
    public static final String DECISION = "license-approval-policy";
    /** The decision that names a stage's fallback when it waited too long. */
    public static final String FALLBACK_DECISION = "approval-stage-fallback";

    static final int MAX_STAGES = 3;
    static final String AUTOMATIC = "automatic";
    static final String MANAGER = "manager";
    static final String REQUEST_APPROVERS = "request approvers";

    /** Who a stage waits for: the requester's manager, or whoever holds one of the roles. */
    public record Approver(boolean manager, Set<AdminRole> roles) {

        static final Approver THE_MANAGER = new Approver(true, Set.of());

        /** As stored: MANAGER, or the roles' names separated by commas. */
        String code() {
            return manager
                    ? "MANAGER"
                    : roles.stream().map(AdminRole::name).sorted().collect(Collectors.joining(","));
        }

        static Approver ofCode(String code) {
            if ("MANAGER".equals(code)) {
                return THE_MANAGER;
            }
            return new Approver(
                    false,
                    Arrays.stream(code.split(","))
                            .map(AdminRole::valueOf)
                            .collect(Collectors.toCollection(() -> EnumSet.noneOf(AdminRole.class))));
        }

        /** "the requester's manager", "a License administrator", "a Global or License administrator". */
        public String words() {
            if (manager) {
                return "the requester's manager";
            }
            List<String> titles = roles.stream().sorted().map(AdminRole::title).toList();
            return "a " + String.join(" or ", titles);
        }
    }

    /** One stage of a request's approval: who, and how long it waits before its fallback takes over. */
    public record Stage(Approver approver, Duration escalateAfter) {}

    /**
     * What the policy decided for a request: the rule's own words, the stages (none: automatic), and
     * after how many days the licenses it grants end (null: they do not end).
     */
    public record Plan(String policy, List<Stage> stages, Integer licenseDays) {

        public boolean automatic() {
            return stages.isEmpty();
        }
    }

    private final DecisionService decisions;
    private final LicenseRequestApprovers requestApprovers;

    public ApprovalPolicy(DecisionService decisions, LicenseRequestApprovers requestApprovers) {
        this.decisions = decisions;
        this.requestApprovers = requestApprovers;
    }

    /** Evaluates the policy for a request; a table whose answer makes no sense fails with what to fix in it. */
    public Plan decide(Product product, DirectoryUser requester, List<DirectoryUser> users) {
        VariableMap facts = Variables.createVariables()
                .putValue("productId", product.id())
                .putValue("productName", product.name())
                .putValue("monthlyPrice", product.listPricePerSeat().doubleValue())
                .putValue("userCount", users.size())
                .putValue("requesterType", requester.isGuest() ? "guest" : "member")
                .putValue("forGuest", users.stream().anyMatch(DirectoryUser::isGuest))
                .putValue("department", requester.department() == null ? "" : requester.department());
        DmnDecisionResult result =
                decisions.evaluateDecisionByKey(DECISION).variables(facts).evaluate();
        if (result.isEmpty()) {
            throw wrong("no rule matches a request for " + product.name() + " by " + requester.displayName()
                    + "; add a last rule that matches everything");
        }
        DmnDecisionResultEntries rule = result.getFirstResult();
        String policy = text(rule.get("policy"));
        Integer licenseDays = licenseDays(rule.get("licenseDays"), policy);
        List<Stage> stages = new ArrayList<>();
        for (int i = 1; i <= MAX_STAGES; i++) {
            String approver = text(rule.get("stage" + i));
            if (approver.isEmpty()) {
                continue;
            }
            if (approver.equalsIgnoreCase(AUTOMATIC)) {
                if (i != 1 || !text(rule.get("stage2")).isEmpty()) {
                    throw wrong("rule '" + policy + "' approves automatically and also names stages; choose one");
                }
                return new Plan(policy, List.of(), licenseDays);
            }
            stages.add(new Stage(
                    approver(approver, policy),
                    duration(text(rule.get("stage" + i + "Timeout")), "stage " + i, policy)));
        }
        if (stages.isEmpty()) {
            throw wrong("rule '" + policy + "' names no approver; name one in 'Stage 1: approver', or 'automatic'");
        }
        if (stages.get(stages.size() - 1).approver().manager()) {
            throw wrong("rule '" + policy + "' ends with a manager stage; the last stage chooses products and "
                    + "services, so it must be an admin role");
        }
        return new Plan(policy, List.copyOf(stages), licenseDays);
    }

    /** The roles of {@code licenseflow.license-requests.approver-roles}: "request approvers" in the table. */
    public Set<AdminRole> requestApproverRoles() {
        return requestApprovers.roles();
    }

    /** Who takes over a stage of {@code approver} that waited too long; empty: nobody, it keeps waiting. */
    public Optional<Approver> fallback(Approver approver) {
        String asWritten = approver.manager()
                ? MANAGER
                : approver.roles().equals(requestApprovers.roles())
                        ? REQUEST_APPROVERS
                        : approver.roles().stream()
                                .sorted()
                                .findFirst()
                                .map(AdminRole::title)
                                .orElseThrow();
        DmnDecisionResult result = decisions
                .evaluateDecisionByKey(FALLBACK_DECISION)
                .variables(Variables.createVariables().putValue("approver", asWritten))
                .evaluate();
        String fallback = result.isEmpty() ? "" : text(result.getSingleResult().get("fallback"));
        return fallback.isEmpty()
                ? Optional.empty()
                : Optional.of(approver(fallback, "fallback of " + asWritten)).filter(other -> !other.equals(approver));
    }

    private Approver approver(String written, String rule) {
        if (written.equalsIgnoreCase(MANAGER)) {
            return Approver.THE_MANAGER;
        }
        if (written.equalsIgnoreCase(REQUEST_APPROVERS)) {
            return new Approver(false, requestApprovers.roles());
        }
        for (AdminRole role : AdminRole.values()) {
            if (role.title().equalsIgnoreCase(written)) {
                return new Approver(false, EnumSet.of(role));
            }
        }
        throw wrong("'" + written + "' in rule '" + rule + "' is no approver; write manager, request approvers, "
                + Arrays.stream(AdminRole.values()).map(AdminRole::title).collect(Collectors.joining(", ")));
    }

    private static Duration duration(String written, String stage, String rule) {
        try {
            Duration duration = Duration.parse(written);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (DateTimeParseException notADuration) {
            // reported below, with the rule
        }
        throw wrong("'" + written + "' as " + stage + "'s 'escalate after' in rule '" + rule + "' is no duration; "
                + "write an ISO 8601 duration such as P5D (5 days) or PT12H (12 hours)");
    }

    private static Integer licenseDays(Object value, String rule) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number days && days.intValue() > 0 && days.intValue() <= 3650) {
            return days.intValue();
        }
        throw wrong("'" + value + "' as 'License ends after (days)' in rule '" + rule + "' is no number of days "
                + "from 1 to 3650; leave it empty for licenses that do not end");
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString().trim();
    }

    private static IllegalStateException wrong(String what) {
        return new IllegalStateException(
                "The license approval policy (license-approval-policy.dmn) cannot decide: " + what + ".");
    }
}
