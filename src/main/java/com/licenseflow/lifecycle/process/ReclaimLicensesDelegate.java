package com.licenseflow.lifecycle.process;

import com.licenseflow.lifecycle.IdleLicenseReclaim;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Takes back the review's licenses decided "reclaim", through the ledger, in the name of who decided. */
@Component("reclaimLicenses")
@ProcessBean
class ReclaimLicensesDelegate implements JavaDelegate {

    private final IdleLicenseReclaim reclaim;

    ReclaimLicensesDelegate(IdleLicenseReclaim reclaim) {
        this.reclaim = reclaim;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reclaim.reclaim(execution.getProcessInstanceId(), ReclaimVariables.reviewer(execution));
    }
}
