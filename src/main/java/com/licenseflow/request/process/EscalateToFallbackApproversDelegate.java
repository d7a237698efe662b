package com.licenseflow.request.process;

import com.licenseflow.request.ApprovalStages;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A stage waited as long as the policy allows: it now waits for its fallback (the next manager up,
 * else the policy's fallback role). Without a fallback it keeps waiting for the same people, who go
 * on being reminded; a request never expires silently while someone else could decide it.
 */
@Component("escalateToFallbackApprovers")
@ProcessBean
class EscalateToFallbackApproversDelegate implements JavaDelegate {

    private final ApprovalStages stages;
    private final LicenseRequestOfInstance requests;

    EscalateToFallbackApproversDelegate(ApprovalStages stages, LicenseRequestOfInstance requests) {
        this.stages = stages;
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        stages.escalate(requests.of(execution).id());
    }
}
