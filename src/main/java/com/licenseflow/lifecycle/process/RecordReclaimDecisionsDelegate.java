package com.licenseflow.lifecycle.process;

import com.licenseflow.lifecycle.IdleLicenseReclaim;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The manager's answer, in the name of whoever completed the task: ticked licenses kept (with the
 * reason), the rest reclaimed. A refusal (not theirs to decide, their own license, a license not in
 * this review, no reason) keeps the task open with nothing changed.
 */
@Component("recordReclaimDecisions")
@ProcessBean
class RecordReclaimDecisionsDelegate implements JavaDelegate {

    private final IdleLicenseReclaim reclaim;
    private final ProcessDecisions decisions;

    RecordReclaimDecisionsDelegate(IdleLicenseReclaim reclaim, ProcessDecisions decisions) {
        this.reclaim = reclaim;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decider = decisions
                .require(execution, ReclaimVariables.ACTIVITY_REVIEW_IDLE_LICENSES)
                .userId();
        reclaim.decide(
                execution.getProcessInstanceId(),
                ReclaimVariables.reviewer(execution),
                decider,
                FormValues.strings(execution, ReclaimVariables.KEPT_LICENSES),
                FormValues.string(execution, ReclaimVariables.KEEP_REASON));
    }
}
