package com.licenseflow.lifecycle.process;

import com.licenseflow.lifecycle.IdleLicenseReclaim;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Finds the idle licenses (set-based, per product) and records them as this run's, each with the
 * holder's manager as reviewer. A scheduled run covers every product; an admin's, what they chose.
 */
@Component("findIdleLicenses")
@ProcessBean
class FindIdleLicensesDelegate implements JavaDelegate {

    private final IdleLicenseReclaim reclaim;
    private final ProcessDecisions decisions;

    FindIdleLicensesDelegate(IdleLicenseReclaim reclaim, ProcessDecisions decisions) {
        this.reclaim = reclaim;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String starter = decisions
                .lastDecider(execution.getProcessInstanceId(), ProcessDecisions.START)
                .orElse(IdleLicenseReclaim.SCHEDULE);
        String productId = IdleLicenseReclaim.SCHEDULE.equals(starter)
                ? null
                : FormValues.string(execution, ReclaimVariables.PRODUCT_ID);
        reclaim.find(execution.getProcessInstanceId(), productId, starter);
    }
}
