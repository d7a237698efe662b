package com.licenseflow.takeover.process;

import static com.licenseflow.takeover.process.TakeoverVariables.TAKEOVER_OUTCOME;

import com.licenseflow.takeover.TakeoverMove;
import com.licenseflow.takeover.TakeoverStatus;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** S6: every user moved; the old subscription is cancelled automatically (Deleted). */
@Component("cancelMovedSubscription")
@ProcessBean
class CancelMovedSubscriptionDelegate implements JavaDelegate {

    private final TakeoverMove move;
    private final TakeoverStepContext steps;

    CancelMovedSubscriptionDelegate(TakeoverMove move, TakeoverStepContext steps) {
        this.move = move;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        move.completeMove(
                steps.context(execution, "self-service subscription cancelled after moving its users"),
                steps.takeoverId(execution));
        execution.setVariable(TAKEOVER_OUTCOME, TakeoverStatus.MOVED.name());
    }
}
