package com.licenseflow.takeover.process;

import static com.licenseflow.takeover.process.TakeoverVariables.CANCEL;
import static com.licenseflow.takeover.process.TakeoverVariables.MOVE;
import static com.licenseflow.takeover.process.TakeoverVariables.TAKEOVER_ACTION;

import com.licenseflow.shared.Rule;
import com.licenseflow.takeover.SubscriptionTakeovers;
import com.licenseflow.takeover.TakeoverAction;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records "move users" or "cancel subscription"; a refusal keeps "Choose takeover action" open. */
@Component("recordTakeoverAction")
@ProcessBean
class RecordTakeoverActionDelegate implements JavaDelegate {

    private final SubscriptionTakeovers takeovers;
    private final TakeoverStepContext steps;

    RecordTakeoverActionDelegate(SubscriptionTakeovers takeovers, TakeoverStepContext steps) {
        this.takeovers = takeovers;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String chosen = FormValues.string(execution, TAKEOVER_ACTION);
        TakeoverAction action;
        if (MOVE.equals(chosen)) {
            action = TakeoverAction.MOVE;
        } else if (CANCEL.equals(chosen)) {
            action = TakeoverAction.CANCEL;
        } else {
            throw Rule.INVALID_INPUT.violation(
                    "Choose whether to move the users to another subscription or to " + "cancel the subscription.");
        }
        takeovers.chooseAction(
                steps.decided(
                        execution,
                        "takeover action chosen",
                        TakeoverVariables.ACTIVITY_CHOOSE_ACTION,
                        ProcessDecisions.START),
                steps.takeoverId(execution),
                action);
    }
}
