package com.licenseflow.takeover.process;

import static com.licenseflow.takeover.process.TakeoverVariables.AT_TERM_END;
import static com.licenseflow.takeover.process.TakeoverVariables.CANCELLATION_REASON;
import static com.licenseflow.takeover.process.TakeoverVariables.CANCELLATION_TIMING;
import static com.licenseflow.takeover.process.TakeoverVariables.NOW;
import static com.licenseflow.takeover.process.TakeoverVariables.TAKEOVER_OUTCOME;
import static com.licenseflow.takeover.process.TakeoverVariables.TERM_ENDS_AT;

import com.licenseflow.takeover.CancellationOutcome;
import com.licenseflow.takeover.CancellationReason;
import com.licenseflow.takeover.TakeoverCancellation;
import com.licenseflow.takeover.TakeoverStatus;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import java.time.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * S7/A10: cancels now within the cancellation window, else switches recurring billing off and sets
 * {@code termEndsAt}, the moment the model's timer ends the subscription.
 */
@Component("cancelSubscription")
@ProcessBean
class CancelSubscriptionDelegate implements JavaDelegate {

    private final TakeoverCancellation cancellation;
    private final TakeoverStepContext steps;
    private final Clock clock;

    CancelSubscriptionDelegate(TakeoverCancellation cancellation, TakeoverStepContext steps, Clock clock) {
        this.cancellation = cancellation;
        this.steps = steps;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CancellationReason reason = CancellationReason.parse(FormValues.string(execution, CANCELLATION_REASON));
        CancellationOutcome outcome = cancellation.cancel(
                steps.decided(
                        execution,
                        "self-service subscription " + "cancelled: " + reason.label(),
                        TakeoverVariables.ACTIVITY_CONFIRM_CANCELLATION,
                        ProcessDecisions.START),
                steps.takeoverId(execution),
                reason);
        execution.setVariable(CANCELLATION_TIMING, outcome.immediate() ? NOW : AT_TERM_END);
        execution.setVariable(
                TAKEOVER_OUTCOME,
                outcome.immediate() ? TakeoverStatus.CANCELLED.name() : TakeoverStatus.ENDING_AT_TERM.name());
        if (!outcome.immediate()) {
            // The subscription runs to the end of its last day of term.
            execution.setVariable(
                    TERM_ENDS_AT,
                    Date.from(outcome.endsOn()
                            .plusDays(1)
                            .atStartOfDay(clock.getZone())
                            .toInstant()));
        }
    }
}
