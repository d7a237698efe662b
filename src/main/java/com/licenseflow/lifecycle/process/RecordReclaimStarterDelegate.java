package com.licenseflow.lifecycle.process;

import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.lifecycle.IdleLicenseReclaim;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A License or Global admin started a run (for one product, or all): anyone else is refused, nothing started. */
@Component("recordReclaimStarter")
@ProcessBean
class RecordReclaimStarterDelegate implements JavaDelegate {

    private final IdleLicenseReclaim reclaim;
    private final ProcessDecisions decisions;
    private final Directory directory;

    RecordReclaimStarterDelegate(IdleLicenseReclaim reclaim, ProcessDecisions decisions, Directory directory) {
        this.reclaim = reclaim;
        this.decisions = decisions;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String starter = decisions.recordStart(execution, "start a reclaim of idle licenses");
        String productId = reclaim.requireMayStart(
                directory.actor(starter), FormValues.string(execution, ReclaimVariables.PRODUCT));
        execution.setVariable(ReclaimVariables.PRODUCT_ID, productId);
    }
}
