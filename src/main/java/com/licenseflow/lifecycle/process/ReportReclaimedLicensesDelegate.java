package com.licenseflow.lifecycle.process;

import com.licenseflow.lifecycle.IdleLicenseReclaim;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Every review is done: the run's seats freed and money saved per month, recorded for the report and the savings view. */
@Component("reportReclaimedLicenses")
@ProcessBean
class ReportReclaimedLicensesDelegate implements JavaDelegate {

    private final IdleLicenseReclaim reclaim;

    ReportReclaimedLicensesDelegate(IdleLicenseReclaim reclaim) {
        this.reclaim = reclaim;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reclaim.finish(execution.getProcessInstanceId());
    }
}
