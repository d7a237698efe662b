package com.licenseflow.selfservice.process;

import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record purchaser": the cancellation acts for whoever started it, as the engine authenticated
 * them, so the task lists their subscriptions and nobody else's.
 */
@Component("recordPurchaser")
@ProcessBean
class RecordPurchaserDelegate implements JavaDelegate {

    private final ProcessDecisions decisions;

    RecordPurchaserDelegate(ProcessDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        decisions.recordStart(
                execution, "cancel your self-service subscriptions", SelfServiceCancellationVariables.PURCHASER_ID);
    }
}
