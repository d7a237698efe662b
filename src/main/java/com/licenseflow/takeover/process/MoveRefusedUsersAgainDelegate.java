package com.licenseflow.takeover.process;

import static com.licenseflow.takeover.process.TakeoverVariables.ACTIVITY_RESOLVE_REFUSED_MOVES;

import com.licenseflow.takeover.TakeoverMove;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The admin fixed what Microsoft 365 refused (bought licenses, set a usage location, removed a conflicting license):
 * the refused users are moved again, in the admin's name, and the takeover waits for Microsoft 365's answer once more.
 * Too few free seats on the target by now keeps the task open with the reason.
 */
@Component("moveRefusedUsersAgain")
@ProcessBean
class MoveRefusedUsersAgainDelegate implements JavaDelegate {

    private final TakeoverMove move;
    private final MovesInMicrosoft365 microsoft;
    private final TakeoverStepContext steps;

    MoveRefusedUsersAgainDelegate(TakeoverMove move, MovesInMicrosoft365 microsoft, TakeoverStepContext steps) {
        this.move = move;
        this.microsoft = microsoft;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        move.moveAgain(
                steps.decided(
                        execution,
                        "users moved again after Microsoft 365 refused to move them",
                        ACTIVITY_RESOLVE_REFUSED_MOVES),
                steps.takeoverId(execution),
                microsoft.refusedUserIds(execution));
    }
}
