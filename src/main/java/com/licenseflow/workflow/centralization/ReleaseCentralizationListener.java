package com.licenseflow.workflow.centralization;

import static com.licenseflow.workflow.centralization.CentralizationVariables.CENTRALIZATION_ID;

import com.licenseflow.domain.centralization.Centralizations;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the whole process. Every path of the model finishes the campaign itself; this
 * catches the instance ending some other way (deleted in Cockpit), so the product is never left
 * locked and reserved seats are never lost.
 */
@Component("releaseCentralizationLock")
public class ReleaseCentralizationListener implements ExecutionListener {

    private final Centralizations centralizations;
    private final CentralizationStepContext steps;

    public ReleaseCentralizationListener(Centralizations centralizations, CentralizationStepContext steps) {
        this.centralizations = centralizations;
        this.steps = steps;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.hasVariable(CENTRALIZATION_ID)) {
            centralizations.abandon(steps.context(execution, "centralization process ended: "
                    + execution.getCurrentActivityId()), CentralizationStepContext.centralizationId(execution));
        }
    }
}
