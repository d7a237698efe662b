package com.licenseflow.lifecycle.process;

import com.licenseflow.lifecycle.SubscriptionRenewals;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The end day: the decision carried out (or, undecided, what recurring billing says): a new term, or the end. */
@Component("endTheTerm")
@ProcessBean
class EndTheTermDelegate implements JavaDelegate {

    private final SubscriptionRenewals renewals;

    EndTheTermDelegate(SubscriptionRenewals renewals) {
        this.renewals = renewals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        renewals.endTerm(execution.getProcessInstanceId());
    }
}
