package com.licenseflow.takeover;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.takeover.process.TakeoverProcessLock;
import com.licenseflow.takeover.process.TakeoverVariables;
import com.licenseflow.workflow.ProcessLocks;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * S4 from the API and the console alike: starts the takeover process in the caller's name. The
 * domain's start rules are checked first, so a refusal is a rule in words (not the engine's own
 * authorization error) and nothing is started.
 */
@Service
public class TakeoverStart {

    private final RuntimeService runtime;
    private final SubscriptionTakeovers takeovers;
    private final ProcessLocks locks;
    private final TakeoverProcessLock lock;

    public TakeoverStart(
            RuntimeService runtime, SubscriptionTakeovers takeovers, ProcessLocks locks, TakeoverProcessLock lock) {
        this.runtime = runtime;
        this.takeovers = takeovers;
        this.locks = locks;
        this.lock = lock;
    }

    /** {@code action} move or cancel decides up front (with the target or the reason); null: decided in Tasklist. */
    public Takeover start(Actor caller, long subscriptionId, String action, Long targetSubscriptionId, String reason) {
        locks.releaseOrphaned(lock, caller, String.valueOf(subscriptionId));
        takeovers.requireMayStart(caller, subscriptionId);
        Map<String, Object> variables = new HashMap<>();
        variables.put(TakeoverVariables.SUBSCRIPTION_ID, subscriptionId);
        variables.put(TakeoverVariables.TAKEOVER_ACTION, action);
        variables.put(TakeoverVariables.TARGET_SUBSCRIPTION_ID, targetSubscriptionId);
        variables.put(TakeoverVariables.CANCELLATION_REASON, reason);
        runtime.startProcessInstanceByKey(TakeoverProcess.KEY, variables);
        return takeovers.latest(caller, subscriptionId);
    }
}
