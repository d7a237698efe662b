package com.licenseflow.workflow.centralization;

import static com.licenseflow.workflow.centralization.CentralizationVariables.CENTRALIZATION_ADMIN_ID;
import static com.licenseflow.workflow.centralization.CentralizationVariables.CENTRALIZATION_ID;
import static com.licenseflow.workflow.centralization.CentralizationVariables.SUBSCRIPTION_ID;

import com.licenseflow.domain.audit.ChangeContext;
import com.licenseflow.domain.directory.Directory;
import com.licenseflow.workflow.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What every step of license-centralization.bpmn needs: the campaign (and, in a purchase's branch,
 * the subscription) it belongs to, and the change context naming the admin the step acts for and
 * this process instance (for the audit trail).
 */
@Component
public class CentralizationStepContext {

    private final Directory directory;

    public CentralizationStepContext(Directory directory) {
        this.directory = directory;
    }

    public ChangeContext context(DelegateExecution execution, String why) {
        return context(execution, FormValues.string(execution, CENTRALIZATION_ADMIN_ID), why);
    }

    public ChangeContext context(DelegateExecution execution, String adminId, String why) {
        return ChangeContext.byProcess(directory.actor(adminId), why, execution.getProcessInstanceId());
    }

    public static long centralizationId(VariableScope scope) {
        return FormValues.requiredLong(scope, CENTRALIZATION_ID, "the centralization");
    }

    public static long subscriptionId(VariableScope scope) {
        return FormValues.requiredLong(scope, SUBSCRIPTION_ID, "the subscription");
    }
}
