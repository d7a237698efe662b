package com.licenseflow.takeover.process;

import static com.licenseflow.takeover.process.TakeoverVariables.BACK_OUT;
import static com.licenseflow.takeover.process.TakeoverVariables.CANCEL;
import static com.licenseflow.takeover.process.TakeoverVariables.CANCELLATION_CONFIRMED;
import static com.licenseflow.takeover.process.TakeoverVariables.CANCELLATION_DECISION;
import static com.licenseflow.takeover.process.TakeoverVariables.CANCELLATION_REASON;
import static com.licenseflow.takeover.process.TakeoverVariables.TAKEOVER_OUTCOME;

import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.shared.Rule;
import com.licenseflow.takeover.CancellationReason;
import com.licenseflow.takeover.SubscriptionTakeovers;
import com.licenseflow.takeover.TakeoverStatus;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * S7 "Are you sure?": cancelling needs a reason from the list and the explicit confirmation;
 * backing out ends the takeover with nothing changed. A refusal keeps "Confirm cancellation" open.
 */
@Component("recordCancellationDecision")
@ProcessBean
class RecordCancellationDecisionDelegate implements JavaDelegate {

    private final SubscriptionTakeovers takeovers;
    private final TakeoverStepContext steps;

    RecordCancellationDecisionDelegate(SubscriptionTakeovers takeovers, TakeoverStepContext steps) {
        this.takeovers = takeovers;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ChangeContext decided =
                steps.decided(execution, "cancellation not confirmed", TakeoverVariables.ACTIVITY_CONFIRM_CANCELLATION);
        String decision = FormValues.string(execution, CANCELLATION_DECISION);
        if (BACK_OUT.equals(decision)) {
            takeovers.backOut(decided, steps.takeoverId(execution));
            execution.setVariable(TAKEOVER_OUTCOME, TakeoverStatus.BACKED_OUT.name());
            return;
        }
        if (!CANCEL.equals(decision)) {
            throw Rule.INVALID_INPUT.violation(
                    "Choose whether to cancel the subscription or to back out and leave it " + "as it is.");
        }
        CancellationReason reason = CancellationReason.parse(FormValues.string(execution, CANCELLATION_REASON));
        if (!FormValues.bool(execution, CANCELLATION_CONFIRMED)) {
            throw Rule.INVALID_INPUT.violation("Confirm that you are sure: cancelling takes the licenses away from "
                    + "every user of the subscription. Tick the confirmation, or back out.");
        }
        execution.setVariable(CANCELLATION_REASON, reason.name());
    }
}
