package com.licenseflow.centralization.process;

import static com.licenseflow.centralization.process.CentralizationVariables.SUBSCRIPTION_DELETED;

import com.licenseflow.centralization.PurchaseCancellations;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** At the deadline: is the subscription Deleted by now (a cancellation whose message came too early)? */
@Component("checkCancellationAtDeadline")
@ProcessBean
class CheckCancellationAtDeadlineDelegate implements JavaDelegate {

    private final PurchaseCancellations cancellations;
    private final CentralizationStepContext steps;

    CheckCancellationAtDeadlineDelegate(PurchaseCancellations cancellations, CentralizationStepContext steps) {
        this.cancellations = cancellations;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(SUBSCRIPTION_DELETED, cancellations.isCancelled(steps.subscriptionId(execution)));
    }
}
