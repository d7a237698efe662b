package com.licenseflow.workflow.request;

import static com.licenseflow.workflow.request.RequestVariables.APPROVE;
import static com.licenseflow.workflow.request.RequestVariables.APPROVED_USER_IDS;
import static com.licenseflow.workflow.request.RequestVariables.ASSIGNED_PRODUCT_ID;
import static com.licenseflow.workflow.request.RequestVariables.DECISION;
import static com.licenseflow.workflow.request.RequestVariables.DECISION_MESSAGE;
import static com.licenseflow.workflow.request.RequestVariables.DENY;
import static com.licenseflow.workflow.request.RequestVariables.DENY_CONFIRMED;
import static com.licenseflow.workflow.request.RequestVariables.ENABLED_SERVICE_PLANS;

import com.licenseflow.domain.Rule;
import com.licenseflow.domain.request.ReviewDecision;
import com.licenseflow.workflow.FormValues;
import java.util.HashSet;
import org.camunda.bpm.engine.delegate.VariableScope;

/** The reviewer's decision as the review form leaves it in the process variables. */
final class ReviewDecisionVariables {

    private ReviewDecisionVariables() {
    }

    static ReviewDecision read(VariableScope scope) {
        String decision = FormValues.string(scope, DECISION);
        if (!APPROVE.equals(decision) && !DENY.equals(decision)) {
            throw Rule.INVALID_INPUT.violation("Choose whether to approve or deny the request.");
        }
        return new ReviewDecision(APPROVE.equals(decision),
                scope.hasVariable(APPROVED_USER_IDS) ? FormValues.strings(scope, APPROVED_USER_IDS) : null,
                FormValues.string(scope, ASSIGNED_PRODUCT_ID),
                scope.hasVariable(ENABLED_SERVICE_PLANS) ? new HashSet<>(FormValues.strings(scope, ENABLED_SERVICE_PLANS))
                        : null,
                FormValues.string(scope, DECISION_MESSAGE), FormValues.bool(scope, DENY_CONFIRMED));
    }
}
