package com.licenseflow.selfservice.process;

import static com.licenseflow.selfservice.process.SelfServiceCancellationVariables.ACTIVITY_CHOOSE_SUBSCRIPTION;
import static com.licenseflow.selfservice.process.SelfServiceCancellationVariables.CANCEL;
import static com.licenseflow.selfservice.process.SelfServiceCancellationVariables.CANCELLATION_NOTE;
import static com.licenseflow.selfservice.process.SelfServiceCancellationVariables.CANCEL_DECISION;
import static com.licenseflow.selfservice.process.SelfServiceCancellationVariables.SUBSCRIPTION_ID;

import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.selfservice.SelfServiceCancellation;
import com.licenseflow.shared.Rule;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Cancel own subscription": in the name of whoever just completed "Choose the subscription to
 * cancel", the subscription they chose. The domain checks that they bought it and that it can be
 * cancelled; any refusal keeps the task open with nothing changed.
 */
@Component("cancelOwnSubscription")
@ProcessBean
class CancelOwnSubscriptionDelegate implements JavaDelegate {

    private final ProcessDecisions decisions;
    private final Directory directory;
    private final SelfServiceCancellation subscriptions;

    CancelOwnSubscriptionDelegate(
            ProcessDecisions decisions, Directory directory, SelfServiceCancellation subscriptions) {
        this.decisions = decisions;
        this.directory = directory;
        this.subscriptions = subscriptions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String purchaser =
                decisions.require(execution, ACTIVITY_CHOOSE_SUBSCRIPTION).userId();
        if (!CANCEL.equals(FormValues.string(execution, CANCEL_DECISION))) {
            throw Rule.INVALID_INPUT.violation("Choose whether to cancel a subscription or to keep them all.");
        }
        Long chosen = FormValues.optionalLong(execution, SUBSCRIPTION_ID, "the subscription");
        if (chosen == null) {
            throw Rule.INVALID_INPUT.violation(
                    subscriptions.cancellable(purchaser).isEmpty()
                            ? "You have no self-service subscription that can be cancelled now. Choose Keep to close this task."
                            : "Choose the subscription to cancel, or choose Keep.");
        }
        String note = FormValues.string(execution, CANCELLATION_NOTE);
        subscriptions.cancel(
                ChangeContext.byProcess(
                        directory.actor(purchaser),
                        note == null || note.isBlank() ? null : note.strip(),
                        execution.getProcessInstanceId()),
                chosen);
    }
}
