package com.licenseflow.workflow.centralization;

import com.licenseflow.domain.audit.ChangeContext;
import com.licenseflow.domain.centralization.PurchaseCancellations;
import com.licenseflow.domain.selfservice.SelfServiceCancellation;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A purchaser cancels their self-service subscription: the inventory change, the record with the
 * campaign waiting for it, and the message to that campaign's branch, all in one transaction, so
 * the branch learns of exactly the cancellations that committed. Works the same when no campaign
 * waits (the message then finds nobody).
 */
@Service
public class PurchaserCancellation {

    /** The message a purchase's branch waits for; its name ends in the subscription id (an expression in the model). */
    public static final String MESSAGE_PREFIX = "centralized-subscription-cancelled-";

    private final SelfServiceCancellation cancellation;
    private final PurchaseCancellations campaigns;
    private final RuntimeService runtime;
    private final IdentityService identity;

    public PurchaserCancellation(SelfServiceCancellation cancellation, PurchaseCancellations campaigns,
                                 RuntimeService runtime, IdentityService identity) {
        this.cancellation = cancellation;
        this.campaigns = campaigns;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** Returns how many users lost their license with it. */
    @Transactional
    public int cancel(ChangeContext context, long subscriptionId) {
        int users = cancellation.cancel(context, subscriptionId);
        if (campaigns.cancelledByPurchaser(subscriptionId).isPresent()) {
            tellWaitingBranch(subscriptionId);
        }
        return users;
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
            runtime.createMessageCorrelation(MESSAGE_PREFIX + subscriptionId).correlateAll();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
