package com.licenseflow.workflow.takeover;

import com.licenseflow.domain.access.Actor;
import com.licenseflow.domain.audit.ChangeContext;
import com.licenseflow.domain.takeover.SubscriptionTakeovers;
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
