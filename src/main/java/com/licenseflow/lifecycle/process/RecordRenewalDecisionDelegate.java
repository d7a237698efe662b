package com.licenseflow.lifecycle.process;

import com.licenseflow.lifecycle.SubscriptionRenewals;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The billing admin's decision, in the name of whoever completed "Decide renewal": a choice the term
 * offers, a seat count that fits. A refusal keeps the task open with nothing changed.
 */
@Component("recordRenewalDecision")
@ProcessBean
class RecordRenewalDecisionDelegate implements JavaDelegate {

    static final String DECIDE_RENEWAL = "Activity_DecideRenewal";

    private final SubscriptionRenewals renewals;
    private final ProcessDecisions decisions;

    RecordRenewalDecisionDelegate(SubscriptionRenewals renewals, ProcessDecisions decisions) {
        this.renewals = renewals;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decider = decisions.require(execution, DECIDE_RENEWAL).userId();
        renewals.decide(
                execution.getProcessInstanceId(),
                decider,
                FormValues.string(execution, "renewalDecision"),
                FormValues.optionalLong(execution, "renewalSeats", "the seats"));
    }
}
