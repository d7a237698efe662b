package com.licenseflow.lifecycle.process;

import com.licenseflow.lifecycle.SubscriptionRenewals;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The alert due now: which offset it is, recorded so that each offset is alerted once. */
@Component("recordRenewalAlert")
@ProcessBean
class RecordRenewalAlertDelegate implements JavaDelegate {

    private final SubscriptionRenewals renewals;

    RecordRenewalAlertDelegate(SubscriptionRenewals renewals) {
        this.renewals = renewals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        renewals.recordAlert(execution.getProcessInstanceId());
    }
}
