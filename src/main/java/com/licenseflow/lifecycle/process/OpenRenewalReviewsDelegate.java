package com.licenseflow.lifecycle.process;

import com.licenseflow.lifecycle.SubscriptionRenewalProcess;
import com.licenseflow.lifecycle.SubscriptionRenewals;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Opens a "Renew a subscription" review for every central subscription whose term ends within the first
 * alert offset and has none yet (one per term: a unique key, even with two nodes).
 */
@Component("openRenewalReviews")
@ProcessBean
class OpenRenewalReviewsDelegate implements JavaDelegate {

    private final SubscriptionRenewals renewals;

    OpenRenewalReviewsDelegate(SubscriptionRenewals renewals) {
        this.renewals = renewals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        RuntimeService runtime = execution.getProcessEngineServices().getRuntimeService();
        renewals.openReviews(subscriptionId -> runtime.startProcessInstanceByKey(
                        SubscriptionRenewalProcess.KEY, "subscription-" + subscriptionId)
                .getId());
    }
}
