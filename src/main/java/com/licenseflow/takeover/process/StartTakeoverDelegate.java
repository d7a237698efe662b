package com.licenseflow.takeover.process;

import static com.licenseflow.takeover.process.TakeoverVariables.CANCEL;
import static com.licenseflow.takeover.process.TakeoverVariables.CANCELLATION_REASON;
import static com.licenseflow.takeover.process.TakeoverVariables.DECIDED_BY_CALLER;
import static com.licenseflow.takeover.process.TakeoverVariables.MOVE;
import static com.licenseflow.takeover.process.TakeoverVariables.MOVE_CHUNK_SIZE;
import static com.licenseflow.takeover.process.TakeoverVariables.SUBSCRIPTION_ID;
import static com.licenseflow.takeover.process.TakeoverVariables.TAKEOVER_ACTION;
import static com.licenseflow.takeover.process.TakeoverVariables.TAKEOVER_ID;
import static com.licenseflow.takeover.process.TakeoverVariables.TARGET_SUBSCRIPTION_ID;

import com.licenseflow.inventory.ChunkedMove;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.shared.Rule;
import com.licenseflow.takeover.CancellationReason;
import com.licenseflow.takeover.SubscriptionTakeovers;
import com.licenseflow.takeover.Takeover;
import com.licenseflow.takeover.TakeoverSettings;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import com.licenseflow.workflow.ProcessLocks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts the takeover: checks the inputs and the domain's start rules and locks the subscription.
 * Runs in the start transaction, so a refusal (not self-service, Deleted, unknown, already being
 * taken over, wrong role) fails the start with its message and nothing is started.
 */
@Component("startTakeover")
@ProcessBean
class StartTakeoverDelegate implements JavaDelegate {

    private final SubscriptionTakeovers takeovers;
    private final ProcessLocks locks;
    private final TakeoverProcessLock lock;
    private final Directory directory;
    private final ProcessDecisions decisions;
    private final int defaultChunkSize;

    StartTakeoverDelegate(
            SubscriptionTakeovers takeovers,
            ProcessLocks locks,
            TakeoverProcessLock lock,
            Directory directory,
            ProcessDecisions decisions,
            TakeoverSettings config) {
        this.takeovers = takeovers;
        this.locks = locks;
        this.lock = lock;
        this.directory = directory;
        this.decisions = decisions;
        this.defaultChunkSize = config.chunkSize();
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long subscriptionId = FormValues.optionalLong(execution, SUBSCRIPTION_ID, "the subscription to take over");
        if (subscriptionId == null) {
            throw Rule.INVALID_INPUT.violation("Choose the self-service subscription to take over.");
        }
        // Whoever chose the subscription, or started the takeover with one chosen.
        String admin = decisions
                .require(execution, TakeoverVariables.ACTIVITY_CHOOSE_SUBSCRIPTION, ProcessDecisions.START)
                .userId();
        boolean decidedByCaller = readPreselection(execution);
        Long chunkSize = FormValues.optionalLong(execution, MOVE_CHUNK_SIZE, "the chunk size");
        int chunk = chunkSize == null ? defaultChunkSize : chunkSize.intValue();
        ChunkedMove.requireChunkSize(chunk, MOVE_CHUNK_SIZE);

        Actor actor = directory.actor(admin);
        locks.releaseOrphaned(lock, actor, String.valueOf(subscriptionId));
        Takeover takeover = takeovers.start(
                ChangeContext.byProcess(actor, "subscription takeover started", execution.getProcessInstanceId()),
                subscriptionId);
        execution.setProcessBusinessKey("subscription-" + subscriptionId);
        execution.setVariable(SUBSCRIPTION_ID, subscriptionId);
        execution.setVariable(TAKEOVER_ID, takeover.id());
        execution.setVariable(DECIDED_BY_CALLER, decidedByCaller);
        execution.setVariable(MOVE_CHUNK_SIZE, chunk);
    }

    /** A calling process may decide up front: move (optionally to a given target) or cancel with a reason. */
    private static boolean readPreselection(DelegateExecution execution) {
        String action = FormValues.string(execution, TAKEOVER_ACTION);
        if (action == null || action.isBlank()) {
            return false;
        }
        if (CANCEL.equals(action)) {
            String reason = FormValues.string(execution, CANCELLATION_REASON);
            if (reason == null || reason.isBlank()) {
                throw Rule.INVALID_INPUT.violation(
                        "A takeover started with takeoverAction=cancel needs a " + "cancellationReason.");
            }
            execution.setVariable(
                    CANCELLATION_REASON, CancellationReason.parse(reason).name());
        } else if (MOVE.equals(action)) {
            FormValues.optionalLong(
                    execution, TARGET_SUBSCRIPTION_ID, "the subscription to move the users to"); // a number when given
        } else {
            throw Rule.INVALID_INPUT.violation("'" + action + "' is not a takeover action; use move or cancel.");
        }
        return true;
    }
}
