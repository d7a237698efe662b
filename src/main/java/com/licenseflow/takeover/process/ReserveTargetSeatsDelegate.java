package com.licenseflow.takeover.process;

import static com.licenseflow.takeover.process.TakeoverVariables.SEATS_TO_ADD;
import static com.licenseflow.takeover.process.TakeoverVariables.SHORTAGE_MESSAGE;
import static com.licenseflow.takeover.process.TakeoverVariables.TARGET_SUBSCRIPTION_ID;

import com.licenseflow.shared.LicenseRuleViolation;
import com.licenseflow.shared.Rule;
import com.licenseflow.takeover.MoveProgress;
import com.licenseflow.takeover.TakeoverMove;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import com.licenseflow.workflow.forms.FormText;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The seat check of S6: reserves a target seat for every user before anyone moves. Too few seats
 * is a business situation, not a failure: it raises TARGET_SEAT_SHORTAGE, which the model routes
 * to "Resolve seat shortage" (the domain reserved nothing).
 */
@Component("reserveTargetSeats")
@ProcessBean
class ReserveTargetSeatsDelegate implements JavaDelegate {

    public static final String TARGET_SEAT_SHORTAGE = "TARGET_SEAT_SHORTAGE";

    private final TakeoverMove move;
    private final TakeoverStepContext steps;

    ReserveTargetSeatsDelegate(TakeoverMove move, TakeoverStepContext steps) {
        this.move = move;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long takeoverId = steps.takeoverId(execution);
        long target =
                FormValues.requiredLong(execution, TARGET_SUBSCRIPTION_ID, "the subscription to move the users to");
        try {
            MoveProgress progress = move.reserveSeats(
                    steps.decided(
                            execution,
                            "seats reserved to move users",
                            TakeoverVariables.ACTIVITY_SELECT_TARGET,
                            TakeoverVariables.ACTIVITY_RESOLVE_SHORTAGE,
                            ProcessDecisions.START),
                    takeoverId,
                    target);
            MoveNextChunkDelegate.showProgress(execution, progress);
        } catch (LicenseRuleViolation violation) {
            if (violation.rule() != Rule.NOT_ENOUGH_SEATS) {
                throw violation;
            }
            execution.setVariable(SHORTAGE_MESSAGE, FormText.plain(violation.getMessage()));
            execution.setVariable(SEATS_TO_ADD, move.seatsMissing(takeoverId, target));
            throw new BpmnError(TARGET_SEAT_SHORTAGE, violation.getMessage());
        }
    }
}
