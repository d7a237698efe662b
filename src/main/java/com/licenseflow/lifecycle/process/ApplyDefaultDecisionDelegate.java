package com.licenseflow.lifecycle.process;

import com.licenseflow.lifecycle.IdleLicenseReclaim;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The review's deadline passed unanswered: its licenses follow the run's default
 * (licenseflow.lifecycle.reclaim.when-unanswered), except holders who signed in again meanwhile.
 */
@Component("applyDefaultDecision")
@ProcessBean
class ApplyDefaultDecisionDelegate implements JavaDelegate {

    private final IdleLicenseReclaim reclaim;

    ApplyDefaultDecisionDelegate(IdleLicenseReclaim reclaim) {
        this.reclaim = reclaim;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reclaim.applyDefault(execution.getProcessInstanceId(), ReclaimVariables.reviewer(execution));
    }
}
