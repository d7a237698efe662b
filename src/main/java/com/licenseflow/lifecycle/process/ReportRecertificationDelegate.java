package com.licenseflow.lifecycle.process;

import com.licenseflow.lifecycle.IdleLicenseReclaim;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Every manager answered or the deadline passed: confirmed, removed, defaulted and the money saved, recorded. */
@Component("reportRecertification")
@ProcessBean
class ReportRecertificationDelegate implements JavaDelegate {

    private final IdleLicenseReclaim reclaim;

    ReportRecertificationDelegate(IdleLicenseReclaim reclaim) {
        this.reclaim = reclaim;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reclaim.finish(execution.getProcessInstanceId());
    }
}
