package com.licenseflow.takeover.process;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.takeover.SubscriptionTakeovers;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Before a takeover starts: a lock whose process instance no longer runs (it was deleted while
 * skipping the process's end listener, which otherwise releases it) is released, so a subscription
 * never stays locked for good.
 */
@Component
public class OrphanedTakeovers {

    private final SubscriptionTakeovers takeovers;
    private final RuntimeService runtime;

    public OrphanedTakeovers(SubscriptionTakeovers takeovers, RuntimeService runtime) {
        this.takeovers = takeovers;
        this.runtime = runtime;
    }

    public void release(Actor actor, long subscriptionId) {
        takeovers.releaseOrphaned(ChangeContext.byUser(actor, "lock of a takeover whose process no longer runs released"),
                subscriptionId, id -> runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0);
    }
}
