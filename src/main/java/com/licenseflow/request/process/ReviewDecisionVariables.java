package com.licenseflow.request.process;

import static com.licenseflow.request.process.RequestVariables.APPROVE;
import static com.licenseflow.request.process.RequestVariables.APPROVED_USER_IDS;
import static com.licenseflow.request.process.RequestVariables.ASSIGNED_PRODUCT_ID;
import static com.licenseflow.request.process.RequestVariables.DECISION;
import static com.licenseflow.request.process.RequestVariables.DECISION_MESSAGE;
import static com.licenseflow.request.process.RequestVariables.DENY;
import static com.licenseflow.request.process.RequestVariables.DENY_CONFIRMED;
import static com.licenseflow.request.process.RequestVariables.ENABLED_SERVICE_PLANS;
import static com.licenseflow.request.process.RequestVariables.STAGE_DECISION;
import static com.licenseflow.request.process.RequestVariables.STAGE_DENY_CONFIRMED;
import static com.licenseflow.request.process.RequestVariables.STAGE_MESSAGE;

import com.licenseflow.request.ReviewDecision;
import com.licenseflow.shared.Rule;
import com.licenseflow.workflow.FormValues;
import java.util.HashSet;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The reviewer's decision as the review form leaves it in the process variables. */
final class ReviewDecisionVariables {

    private ReviewDecisionVariables() {}

    /** A stage before the last decides only approve or deny, with a message. */
    static ReviewDecision readStage(VariableScope scope) {
        String decision = FormValues.string(scope, STAGE_DECISION);
        if (!APPROVE.equals(decision) && !DENY.equals(decision)) {
            throw Rule.INVALID_INPUT.violation("Choose whether to approve or deny the request.");
        }
        return new ReviewDecision(
                APPROVE.equals(decision),
                null,
                null,
                null,
                FormValues.string(scope, STAGE_MESSAGE),
                FormValues.bool(scope, STAGE_DENY_CONFIRMED));
    }

    /** Forgets a stage's answers, so that the next stage's form starts empty. */
    static void forgetStage(VariableScope scope) {
        scope.removeVariables(java.util.List.of(STAGE_DECISION, STAGE_MESSAGE, STAGE_DENY_CONFIRMED));
    }

    static ReviewDecision read(VariableScope scope) {
        String decision = FormValues.string(scope, DECISION);
        if (!APPROVE.equals(decision) && !DENY.equals(decision)) {
            throw Rule.INVALID_INPUT.violation("Choose whether to approve or deny the request.");
        }
        return new ReviewDecision(
                APPROVE.equals(decision),
                scope.hasVariable(APPROVED_USER_IDS) ? FormValues.strings(scope, APPROVED_USER_IDS) : null,
                FormValues.string(scope, ASSIGNED_PRODUCT_ID),
                scope.hasVariable(ENABLED_SERVICE_PLANS)
                        ? new HashSet<>(FormValues.strings(scope, ENABLED_SERVICE_PLANS))
                        : null,
                FormValues.string(scope, DECISION_MESSAGE),
                FormValues.bool(scope, DENY_CONFIRMED));
    }
}
