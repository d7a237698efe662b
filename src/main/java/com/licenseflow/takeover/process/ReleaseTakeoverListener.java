package com.licenseflow.takeover.process;

import com.licenseflow.takeover.SubscriptionTakeovers;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the whole process. Every path of the model finishes the takeover itself; this
 * catches the instance ending some other way (deleted in Cockpit, its calling process cancelled),
 * so the subscription is never left locked and reserved seats are never lost.
 */
@Component("releaseTakeoverLock")
@ProcessBean
public class ReleaseTakeoverListener implements ExecutionListener {

    private final SubscriptionTakeovers takeovers;
    private final TakeoverStepContext steps;

    public ReleaseTakeoverListener(SubscriptionTakeovers takeovers, TakeoverStepContext steps) {
        this.takeovers = takeovers;
        this.steps = steps;
    }

    @Override
    public void notify(DelegateExecution execution) {
        takeovers.ofProcessInstance(execution.getProcessInstanceId()).ifPresent(takeover -> takeovers.abandon(
                steps.context(execution, "takeover process ended: " + execution.getCurrentActivityId()), takeover.id()));
    }
}
