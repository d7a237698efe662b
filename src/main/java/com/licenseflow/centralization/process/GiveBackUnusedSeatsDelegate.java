package com.licenseflow.centralization.process;

import com.licenseflow.centralization.Centralizations;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Every user handled: unused reserved seats given back, the campaign waits for the purchasers. */
@Component("giveBackUnusedSeats")
@ProcessBean
class GiveBackUnusedSeatsDelegate implements JavaDelegate {

    private final Centralizations centralizations;
    private final CentralizationStepContext steps;

    GiveBackUnusedSeatsDelegate(Centralizations centralizations, CentralizationStepContext steps) {
        this.centralizations = centralizations;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = steps.centralizationId(execution);
        centralizations.completeAssignment(steps.context(execution, "central licenses assigned"), id);
        CentralizationProgressVariables.show(execution, centralizations.progress(id));
    }
}
