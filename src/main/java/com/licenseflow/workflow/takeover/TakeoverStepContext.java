package com.licenseflow.workflow.takeover;

import static com.licenseflow.workflow.takeover.TakeoverVariables.TAKEOVER_ADMIN_ID;
import static com.licenseflow.workflow.takeover.TakeoverVariables.TAKEOVER_ID;

import com.licenseflow.domain.audit.ChangeContext;
import com.licenseflow.domain.directory.Directory;
import com.licenseflow.workflow.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What every step of subscription-takeover.bpmn needs: the takeover it belongs to, and the change
 * context naming the admin the takeover acts for and this process instance (for the audit trail).
 */
@Component
public class TakeoverStepContext {

    private final Directory directory;

    public TakeoverStepContext(Directory directory) {
        this.directory = directory;
    }

    public ChangeContext context(DelegateExecution execution, String why) {
        return ChangeContext.byProcess(directory.actor(FormValues.string(execution, TAKEOVER_ADMIN_ID)), why,
                execution.getProcessInstanceId());
    }

    public static long takeoverId(VariableScope scope) {
        return FormValues.requiredLong(scope, TAKEOVER_ID, "the takeover");
    }
}
