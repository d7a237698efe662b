package com.licenseflow.takeover.process;

import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.takeover.SubscriptionTakeovers;
import com.licenseflow.workflow.ProcessDecisions;
import com.licenseflow.workflow.UntrustedProcessInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What every step of subscription-takeover.bpmn needs: the takeover it carries out (found by the
 * process instance, not by a variable), and the change context naming the admin the step acts for
 * and this process instance (for the audit trail).
 */
@Component
class TakeoverStepContext {

    private final Directory directory;
    private final ProcessDecisions decisions;
    private final SubscriptionTakeovers takeovers;

    public TakeoverStepContext(Directory directory, ProcessDecisions decisions, SubscriptionTakeovers takeovers) {
        this.directory = directory;
        this.decisions = decisions;
        this.takeovers = takeovers;
    }

    /** A step that carries on what was decided before: in the name of the takeover's latest decider. */
    public ChangeContext context(DelegateExecution execution, String why) {
        return context(execution.getProcessInstanceId(), why);
    }

    public ChangeContext context(String processInstanceId, String why) {
        return ChangeContext.byProcess(directory.actor(decisions.actingFor(processInstanceId)), why, processInstanceId);
    }

    /**
     * A step that acts on a decision: only right after one of {@code activityIds} was completed (or
     * the takeover started, {@link ProcessDecisions#START}), in the name of whoever did it.
     */
    public ChangeContext decided(DelegateExecution execution, String why, String... activityIds) {
        return ChangeContext.byProcess(
                directory.actor(decisions.require(execution, activityIds).userId()),
                why,
                execution.getProcessInstanceId());
    }

    public long takeoverId(DelegateExecution execution) {
        return takeoverId(execution.getProcessInstanceId());
    }

    public long takeoverId(String processInstanceId) {
        return takeovers
                .ofProcessInstance(processInstanceId)
                .orElseThrow(() -> new UntrustedProcessInput("Process instance " + processInstanceId
                        + " carries out no takeover: it was not started by 'Start takeover'."))
                .id();
    }
}
