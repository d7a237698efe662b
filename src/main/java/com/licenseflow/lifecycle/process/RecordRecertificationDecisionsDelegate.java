package com.licenseflow.lifecycle.process;

import com.licenseflow.lifecycle.IdleLicenseReclaim;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The manager's recertification, in the name of whoever completed the task: ticked licenses confirmed,
 * the rest removed. Refused (task kept open, nothing changed): not theirs, their own license, a license
 * not in this review.
 */
@Component("recordRecertificationDecisions")
@ProcessBean
class RecordRecertificationDecisionsDelegate implements JavaDelegate {

    private final IdleLicenseReclaim reclaim;
    private final ProcessDecisions decisions;

    RecordRecertificationDecisionsDelegate(IdleLicenseReclaim reclaim, ProcessDecisions decisions) {
        this.reclaim = reclaim;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decider = decisions
                .require(execution, RecertificationVariables.ACTIVITY_RECERTIFY_LICENSES)
                .userId();
        reclaim.decide(
                execution.getProcessInstanceId(),
                ReclaimVariables.reviewer(execution),
                decider,
                FormValues.strings(execution, ReclaimVariables.KEPT_LICENSES),
                FormValues.string(execution, ReclaimVariables.KEEP_REASON));
    }
}
