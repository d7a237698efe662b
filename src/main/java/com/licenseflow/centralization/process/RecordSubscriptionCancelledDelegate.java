package com.licenseflow.centralization.process;

import static com.licenseflow.centralization.process.CentralizationVariables.TAKEN_OVER;

import com.licenseflow.centralization.Centralizations;
import com.licenseflow.centralization.PurchaseCancellations;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The subscription is Deleted: the branch records how and the campaign's counts move (a job, one at a time). */
@Component("recordSubscriptionCancelled")
@ProcessBean
class RecordSubscriptionCancelledDelegate implements JavaDelegate {

    private final PurchaseCancellations cancellations;
    private final Centralizations centralizations;
    private final CentralizationStepContext steps;

    RecordSubscriptionCancelledDelegate(
            PurchaseCancellations cancellations, Centralizations centralizations, CentralizationStepContext steps) {
        this.cancellations = cancellations;
        this.centralizations = centralizations;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = steps.centralizationId(execution);
        cancellations.finished(id, steps.subscriptionId(execution), FormValues.bool(execution, TAKEN_OVER));
        CentralizationProgressVariables.show(execution, centralizations.progress(id));
    }
}
