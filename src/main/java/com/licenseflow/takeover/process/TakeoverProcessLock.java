package com.licenseflow.takeover.process;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.takeover.SubscriptionTakeovers;
import com.licenseflow.workflow.ProcessLocks;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A running takeover locks its subscription for the process instance carrying it out. */
@Component
public class TakeoverProcessLock implements ProcessLocks.Lock {

    private final SubscriptionTakeovers takeovers;
    private final TakeoverStepContext steps;

    TakeoverProcessLock(SubscriptionTakeovers takeovers, TakeoverStepContext steps) {
        this.takeovers = takeovers;
        this.steps = steps;
    }

    /** {@code subscriptionId}: the subscription's id. */
    @Override
    public Optional<String> holder(Actor actor, String subscriptionId) {
        return takeovers.runningProcess(actor, Long.parseLong(subscriptionId));
    }

    @Override
    public void release(String processInstanceId, String why) {
        takeovers
                .ofProcessInstance(processInstanceId)
                .ifPresent(takeover -> takeovers.abandon(
                        steps.context(processInstanceId, "takeover given up: " + why), takeover.id()));
    }
}
