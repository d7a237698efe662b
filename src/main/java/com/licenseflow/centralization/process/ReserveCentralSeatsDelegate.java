package com.licenseflow.centralization.process;

import static com.licenseflow.centralization.process.CentralizationVariables.BUY_SEATS;
import static com.licenseflow.centralization.process.CentralizationVariables.CALL_OFF;
import static com.licenseflow.centralization.process.CentralizationVariables.CENTRAL_SUBSCRIPTION_ID;
import static com.licenseflow.centralization.process.CentralizationVariables.PLAN_DECISION;
import static com.licenseflow.centralization.process.CentralizationVariables.SEATS_TO_BUY;
import static com.licenseflow.centralization.process.CentralizationVariables.USE_EXISTING_SEATS;

import com.licenseflow.centralization.Centralizations;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.shared.Rule;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies the plan in the task's transaction: buys the seats (a purchase, audited) and reserves one
 * for every user who needs it, or calls the campaign off. A refusal (too few seats, too small or too
 * large a purchase, an unsuitable subscription) keeps "Plan centralization" open with the reason,
 * nothing bought or reserved.
 */
@Component("reserveCentralSeats")
@ProcessBean
class ReserveCentralSeatsDelegate implements JavaDelegate {

    private final Centralizations centralizations;
    private final CentralizationStepContext steps;

    ReserveCentralSeatsDelegate(Centralizations centralizations, CentralizationStepContext steps) {
        this.centralizations = centralizations;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ChangeContext decided =
                steps.decided(execution, "centralization called off", CentralizationVariables.ACTIVITY_PLAN);
        long id = steps.centralizationId(execution);
        String decision = FormValues.string(execution, PLAN_DECISION);
        if (CALL_OFF.equals(decision)) {
            centralizations.callOff(decided, id);
            return;
        }
        if (!USE_EXISTING_SEATS.equals(decision) && !BUY_SEATS.equals(decision)) {
            throw Rule.INVALID_INPUT.violation("Choose how to centralize: use the seats the central subscription has, "
                    + "buy more seats on it, or call the campaign off.");
        }
        long central = FormValues.requiredLong(
                execution, CENTRAL_SUBSCRIPTION_ID, "the central subscription the licenses come from");
        int seats = 0;
        if (BUY_SEATS.equals(decision)) {
            Long wanted = FormValues.optionalLong(execution, SEATS_TO_BUY, "the seats to buy");
            if (wanted == null || wanted < 1) {
                throw Rule.INVALID_INPUT.violation("Say how many seats to buy (at least 1).");
            }
            seats = (int) Math.min(wanted, Integer.MAX_VALUE);
        }
        centralizations.reserveSeats(
                decided.withReason("central licenses planned for self-service users"), id, central, seats);
    }
}
