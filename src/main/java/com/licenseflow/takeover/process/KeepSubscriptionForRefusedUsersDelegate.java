package com.licenseflow.takeover.process;

import static com.licenseflow.takeover.process.TakeoverVariables.ACTIVITY_RESOLVE_REFUSED_MOVES;
import static com.licenseflow.takeover.process.TakeoverVariables.KEEP_SUBSCRIPTION;
import static com.licenseflow.takeover.process.TakeoverVariables.REFUSAL_RESOLUTION;
import static com.licenseflow.takeover.process.TakeoverVariables.TAKEOVER_OUTCOME;

import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.shared.Rule;
import com.licenseflow.takeover.TakeoverMove;
import com.licenseflow.takeover.TakeoverStatus;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The users Microsoft 365 refused to move keep their self-service license, so their subscription is kept, not
 * cancelled: the takeover ends with the others moved, and the purchaser's email says who stayed and why.
 */
@Component("keepSubscriptionForRefusedUsers")
@ProcessBean
class KeepSubscriptionForRefusedUsersDelegate implements JavaDelegate {

    private final TakeoverMove move;
    private final TakeoverStepContext steps;

    KeepSubscriptionForRefusedUsersDelegate(TakeoverMove move, TakeoverStepContext steps) {
        this.move = move;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ChangeContext context = steps.decided(
                execution,
                "subscription kept for the users Microsoft 365 refused to move",
                ACTIVITY_RESOLVE_REFUSED_MOVES);
        if (!KEEP_SUBSCRIPTION.equals(execution.getVariable(REFUSAL_RESOLUTION))) {
            throw Rule.INVALID_INPUT.violation("Choose how to resolve the refused moves: ask Microsoft 365 again, or "
                    + "keep the subscription for these users.");
        }
        move.keepForUsersWhoStayed(context, steps.takeoverId(execution));
        execution.setVariable(TAKEOVER_OUTCOME, TakeoverStatus.MOVED.name());
    }
}
