package com.licenseflow.centralization.process;

import static com.licenseflow.centralization.process.CentralizationVariables.CANCEL_DEADLINE;
import static com.licenseflow.centralization.process.CentralizationVariables.DEADLINE_DECISION;
import static com.licenseflow.centralization.process.CentralizationVariables.EXTEND;
import static com.licenseflow.centralization.process.CentralizationVariables.EXTEND_BY_DAYS;
import static com.licenseflow.centralization.process.CentralizationVariables.TAKEN_OVER;
import static com.licenseflow.centralization.process.CentralizationVariables.TAKE_OVER;

import com.licenseflow.centralization.CampaignSubscription;
import com.licenseflow.centralization.PurchaseCancellations;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.shared.Rule;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Checks and applies the decision in the task's transaction: extend the deadline (the branch
 * waits again) or take over (the call activity follows). A refusal keeps the task open.
 */
@Component("recordDeadlineDecision")
@ProcessBean
class RecordDeadlineDecisionDelegate implements JavaDelegate {

    private final PurchaseCancellations cancellations;
    private final CentralizationStepContext steps;

    RecordDeadlineDecisionDelegate(PurchaseCancellations cancellations, CentralizationStepContext steps) {
        this.cancellations = cancellations;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = steps.centralizationId(execution);
        long subscriptionId = steps.subscriptionId(execution);
        ChangeContext decided = steps.decided(
                execution, "deadline to cancel extended", CentralizationVariables.ACTIVITY_PURCHASER_DID_NOT_CANCEL);
        String decision = FormValues.string(execution, DEADLINE_DECISION);
        if (EXTEND.equals(decision)) {
            Long days = FormValues.optionalLong(execution, EXTEND_BY_DAYS, "the days to add to the deadline");
            CampaignSubscription extended =
                    cancellations.extendDeadline(decided, id, subscriptionId, days == null ? 0 : days);
            execution.setVariable(CANCEL_DEADLINE, Date.from(extended.deadline()));
        } else if (TAKE_OVER.equals(decision)) {
            cancellations.requireLive(id, subscriptionId);
            execution.setVariable(TAKEN_OVER, true);
        } else {
            throw Rule.INVALID_INPUT.violation(
                    "Choose: give the purchaser more time, or take the subscription " + "over and cancel it.");
        }
    }
}
