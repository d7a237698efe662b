package com.licenseflow.centralization.process;

import com.licenseflow.centralization.Centralizations;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the whole process. Every path of the model finishes the campaign itself; this
 * catches the instance ending some other way (deleted in Cockpit), so the product is never left
 * locked and reserved seats are never lost.
 */
@Component("releaseCentralizationLock")
@ProcessBean
public class ReleaseCentralizationListener implements ExecutionListener {

    private final Centralizations centralizations;
    private final CentralizationStepContext steps;

    public ReleaseCentralizationListener(Centralizations centralizations, CentralizationStepContext steps) {
        this.centralizations = centralizations;
        this.steps = steps;
    }

    @Override
    public void notify(DelegateExecution execution) {
        centralizations.ofProcessInstance(execution.getProcessInstanceId()).ifPresent(campaign ->
                centralizations.abandon(steps.context(execution, "centralization process ended: "
                        + execution.getCurrentActivityId()), campaign.id()));
    }
}
