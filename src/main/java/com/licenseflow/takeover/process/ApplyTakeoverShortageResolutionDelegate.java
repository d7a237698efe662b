package com.licenseflow.takeover.process;

import static com.licenseflow.takeover.process.TakeoverVariables.ADD_SEATS;
import static com.licenseflow.takeover.process.TakeoverVariables.BACK_OUT;
import static com.licenseflow.takeover.process.TakeoverVariables.OTHER_TARGET;
import static com.licenseflow.takeover.process.TakeoverVariables.SEATS_TO_ADD;
import static com.licenseflow.takeover.process.TakeoverVariables.SHORTAGE_RESOLUTION;
import static com.licenseflow.takeover.process.TakeoverVariables.TAKEOVER_OUTCOME;
import static com.licenseflow.takeover.process.TakeoverVariables.TARGET_SUBSCRIPTION_ID;

import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.subscription.SeatPurchaseService;
import com.licenseflow.shared.Rule;
import com.licenseflow.takeover.SubscriptionTakeovers;
import com.licenseflow.takeover.TakeoverMove;
import com.licenseflow.takeover.TakeoverStatus;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies what the admin chose in "Resolve seat shortage": buy seats on the target, pick another
 * target (the seat check then runs again), or back out with nothing changed. Runs in the task's
 * transaction: a refusal (say, an unsuitable subscription) keeps the task open with the reason.
 */
@Component("applyTakeoverShortageResolution")
@ProcessBean
class ApplyTakeoverShortageResolutionDelegate implements JavaDelegate {

    private final TakeoverMove move;
    private final SubscriptionTakeovers takeovers;
    private final SeatPurchaseService purchases;
    private final TakeoverStepContext steps;

    ApplyTakeoverShortageResolutionDelegate(
            TakeoverMove move,
            SubscriptionTakeovers takeovers,
            SeatPurchaseService purchases,
            TakeoverStepContext steps) {
        this.move = move;
        this.takeovers = takeovers;
        this.purchases = purchases;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ChangeContext decided =
                steps.decided(execution, "seat shortage resolved", TakeoverVariables.ACTIVITY_RESOLVE_SHORTAGE);
        long takeoverId = steps.takeoverId(execution);
        String resolution = FormValues.string(execution, SHORTAGE_RESOLUTION);
        if (BACK_OUT.equals(resolution)) {
            takeovers.backOut(decided.withReason("takeover given up for lack of seats"), takeoverId);
            execution.setVariable(TAKEOVER_OUTCOME, TakeoverStatus.BACKED_OUT.name());
            return;
        }
        if (!ADD_SEATS.equals(resolution) && !OTHER_TARGET.equals(resolution)) {
            throw Rule.INVALID_INPUT.violation("Choose how to resolve the shortage: buy seats, move the users to "
                    + "another subscription, or back out of the takeover.");
        }
        long target = move.requireTarget(
                        takeoverId,
                        FormValues.requiredLong(
                                execution, TARGET_SUBSCRIPTION_ID, "the subscription to move the users to"))
                .subscription()
                .id();
        if (ADD_SEATS.equals(resolution)) {
            Long seats = FormValues.optionalLong(execution, SEATS_TO_ADD, "the seats to buy");
            purchases.addSeats(
                    decided.withReason("seats bought to move the users of a self-service subscription"),
                    target,
                    seats == null ? 0 : seats.intValue());
        }
    }
}
