package com.licenseflow.lifecycle.process;

import com.licenseflow.lifecycle.IdleLicenseReclaim;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Every central license of the campaign's product (or all), set-based, each with the holder's manager as reviewer. */
@Component("gatherLicensesToRecertify")
@ProcessBean
class GatherLicensesToRecertifyDelegate implements JavaDelegate {

    private final IdleLicenseReclaim reclaim;
    private final ProcessDecisions decisions;

    GatherLicensesToRecertifyDelegate(IdleLicenseReclaim reclaim, ProcessDecisions decisions) {
        this.reclaim = reclaim;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reclaim.gather(
                execution.getProcessInstanceId(),
                RecertificationVariables.get(execution),
                decisions.actingFor(execution));
    }
}
