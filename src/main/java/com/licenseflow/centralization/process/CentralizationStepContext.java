package com.licenseflow.centralization.process;

import static com.licenseflow.centralization.process.CentralizationVariables.SUBSCRIPTION_ID;

import com.licenseflow.centralization.Centralizations;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessDecisions;
import com.licenseflow.workflow.UntrustedProcessInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What every step of license-centralization.bpmn needs: the campaign it runs (found by the process
 * instance, not by a variable) and, in a purchase's branch, the subscription (checked to be one of
 * the campaign's), and the change context naming the admin the step acts for and this process
 * instance (for the audit trail).
 */
@Component
class CentralizationStepContext {

    private final Directory directory;
    private final ProcessDecisions decisions;
    private final Centralizations centralizations;

    public CentralizationStepContext(Directory directory, ProcessDecisions decisions, Centralizations centralizations) {
        this.directory = directory;
        this.decisions = decisions;
        this.centralizations = centralizations;
    }

    /** A step that carries on the campaign: in the name of whoever planned it (else started it). */
    public ChangeContext context(DelegateExecution execution, String why) {
        return context(execution.getProcessInstanceId(), why);
    }

    public ChangeContext context(String processInstanceId, String why) {
        return ChangeContext.byProcess(directory.actor(actingFor(processInstanceId)), why, processInstanceId);
    }

    /** A step that acts on a decision just made in {@code activityId}, in the name of whoever made it. */
    public ChangeContext decided(DelegateExecution execution, String why, String activityId) {
        return ChangeContext.byProcess(
                directory.actor(decisions.require(execution, activityId).userId()),
                why,
                execution.getProcessInstanceId());
    }

    /** The admin the campaign acts for: whoever planned it, else whoever started it. */
    public String actingFor(String processInstanceId) {
        return decisions.actingFor(processInstanceId, CentralizationVariables.ACTIVITY_PLAN);
    }

    public long centralizationId(DelegateExecution execution) {
        return centralizationId(execution.getProcessInstanceId());
    }

    public long centralizationId(String processInstanceId) {
        return centralizations
                .ofProcessInstance(processInstanceId)
                .orElseThrow(() -> new UntrustedProcessInput("Process instance " + processInstanceId
                        + " runs no centralization: it was not started by 'Gather self-service purchases'."))
                .id();
    }

    /** The subscription of a purchase's branch; refused unless the campaign gathered it. */
    public long subscriptionId(DelegateExecution execution) {
        return subscriptionId(execution.getProcessInstanceId(), execution.getVariable(SUBSCRIPTION_ID));
    }

    /** {@link #subscriptionId(DelegateExecution)} from the branch's {@code subscriptionId} variable read already. */
    public long subscriptionId(String processInstanceId, Object variable) {
        long subscriptionId = FormValues.requiredLong(variable, "the subscription");
        try {
            centralizations.subscriptionOf(centralizationId(processInstanceId), subscriptionId);
        } catch (RuntimeException notPartOfIt) {
            throw new UntrustedProcessInput(notPartOfIt.getMessage());
        }
        return subscriptionId;
    }
}
