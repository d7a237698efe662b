package com.licenseflow.lifecycle.process;

import com.licenseflow.selfservice.SelfServiceCancellation;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A10 on the term's last day: a self-service subscription its purchaser cancelled after the cancellation
 * window kept running with recurring billing off; now it ends and its users lose their licenses.
 */
@Component("endCancelledSubscriptions")
@ProcessBean
class EndCancelledSubscriptionsDelegate implements JavaDelegate {

    private final SelfServiceCancellation cancellations;

    EndCancelledSubscriptionsDelegate(SelfServiceCancellation cancellations) {
        this.cancellations = cancellations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cancellations.endTermsOver(execution.getProcessInstanceId());
    }
}
