package com.licenseflow.notification;

import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The deciding step of the test process: it approves, then fails when told to, so that its
 * transaction rolls back with the decision in it. A test-classpath component: the shared test
 * context finds it by component scanning; the application never sees it.
 */
@Component("testDecision")
@ProcessBean
class TestDecisionStep implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("approved", true);
        if (Boolean.TRUE.equals(execution.getVariable("decisionFails"))) {
            throw new IllegalStateException("The decision failed after approving (as the test asked)");
        }
    }
}
