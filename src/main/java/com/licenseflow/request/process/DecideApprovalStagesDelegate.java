package com.licenseflow.request.process;

import com.licenseflow.request.ApprovalStages;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks the approval policy (license-approval-policy.dmn) who approves the request and records its
 * stages with the request. Runs in the start transaction: a policy that cannot decide fails the
 * start with what to fix in the table, and nothing is created.
 */
@Component("decideApprovalStages")
@ProcessBean
class DecideApprovalStagesDelegate implements JavaDelegate {

    private final ApprovalStages stages;
    private final LicenseRequestOfInstance requests;

    DecideApprovalStagesDelegate(ApprovalStages stages, LicenseRequestOfInstance requests) {
        this.stages = stages;
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        stages.plan(requests.of(execution).id());
    }
}
