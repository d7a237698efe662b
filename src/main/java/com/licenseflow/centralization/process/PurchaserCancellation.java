package com.licenseflow.centralization.process;

import com.licenseflow.centralization.CentralizationProcess;
import com.licenseflow.centralization.PurchaseCancellations;
import com.licenseflow.selfservice.SelfServiceSubscriptionCancelled;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A purchaser has cancelled their self-service subscription: the record with the campaign waiting
 * for it and the message to that campaign's branch join the cancelling transaction, so the branch
 * learns of exactly the cancellations that committed. Nothing happens when no campaign waits.
 */
@Component
class PurchaserCancellation {

    private final PurchaseCancellations campaigns;
    private final RuntimeService runtime;
    private final IdentityService identity;

    public PurchaserCancellation(PurchaseCancellations campaigns, RuntimeService runtime, IdentityService identity) {
        this.campaigns = campaigns;
        this.runtime = runtime;
        this.identity = identity;
    }

    @EventListener
    public void on(SelfServiceSubscriptionCancelled cancelled) {
        if (campaigns.cancelledByPurchaser(cancelled.subscriptionId()).isPresent()) {
            tellWaitingBranch(cancelled.subscriptionId());
        }
    }

    /**
     * The purchaser is allowed to cancel (the domain checked that); they need no right on the
     * campaign's process instance for it to learn of it. So the message goes in the application's
     * name, not the logged-in purchaser's, and their login is restored afterwards.
     */
    private void tellWaitingBranch(long subscriptionId) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            runtime.createMessageCorrelation(
                            CentralizationProcess.SUBSCRIPTION_CANCELLED_MESSAGE_PREFIX + subscriptionId)
                    .correlateAll();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
