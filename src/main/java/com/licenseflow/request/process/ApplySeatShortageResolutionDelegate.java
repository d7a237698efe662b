package com.licenseflow.request.process;

import static com.licenseflow.request.process.RequestVariables.ACTIVITY_RESOLVE_SEAT_SHORTAGE;
import static com.licenseflow.request.process.RequestVariables.ADD_SEATS;
import static com.licenseflow.request.process.RequestVariables.APPROVED_USER_IDS;
import static com.licenseflow.request.process.RequestVariables.ASSIGNED_PRODUCT_ID;
import static com.licenseflow.request.process.RequestVariables.DROP_USERS;
import static com.licenseflow.request.process.RequestVariables.KEPT_USER_IDS;
import static com.licenseflow.request.process.RequestVariables.OTHER_SUBSCRIPTION;
import static com.licenseflow.request.process.RequestVariables.SEATS_TO_ADD;
import static com.licenseflow.request.process.RequestVariables.SEAT_SUBSCRIPTION_ID;
import static com.licenseflow.request.process.RequestVariables.SHORTAGE_RESOLUTION;
import static com.licenseflow.request.process.RequestVariables.SOURCE_SUBSCRIPTION_ID;
import static com.licenseflow.request.process.RequestVariables.TARGET_SUBSCRIPTION_ID;

import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.request.SeatShortage;
import com.licenseflow.shared.Rule;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Applies what the admin chose in "Resolve seat shortage", then the model tries the assignment
 * again. Runs in the same transaction as the task completion, in the name of whoever completed it:
 * a refusal (say, a license admin trying to buy seats) keeps the task open with the reason.
 */
@Component("applySeatShortageResolution")
@ProcessBean
class ApplySeatShortageResolutionDelegate implements JavaDelegate {

    private final SeatShortage shortage;
    private final LicenseRequestOfInstance requests;
    private final ProcessDecisions decisions;
    private final Directory directory;

    ApplySeatShortageResolutionDelegate(
            SeatShortage shortage, LicenseRequestOfInstance requests, ProcessDecisions decisions, Directory directory) {
        this.shortage = shortage;
        this.requests = requests;
        this.decisions = decisions;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String resolver =
                decisions.require(execution, ACTIVITY_RESOLVE_SEAT_SHORTAGE).userId();
        String requestedProduct = requests.of(execution).productId();
        String resolution = FormValues.string(execution, SHORTAGE_RESOLUTION);
        if (ADD_SEATS.equals(resolution)) {
            ChangeContext context = ChangeContext.byProcess(
                    directory.actor(resolver),
                    "seats bought to approve a license request",
                    execution.getProcessInstanceId());
            long subscriptionId =
                    FormValues.requiredLong(execution, SEAT_SUBSCRIPTION_ID, "the subscription to add seats to");
            Long seats = FormValues.optionalLong(execution, SEATS_TO_ADD, "the seats to buy");
            use(
                    execution,
                    shortage.addSeats(context, requestedProduct, subscriptionId, seats == null ? 0 : seats.intValue()));
        } else if (OTHER_SUBSCRIPTION.equals(resolution)) {
            use(
                    execution,
                    shortage.chooseSubscription(
                            requestedProduct,
                            FormValues.requiredLong(
                                    execution, TARGET_SUBSCRIPTION_ID, "the subscription to assign from")));
        } else if (DROP_USERS.equals(resolution)) {
            execution.setVariable(
                    APPROVED_USER_IDS,
                    FormValues.json(shortage.keep(
                            FormValues.strings(execution, APPROVED_USER_IDS),
                            FormValues.strings(execution, KEPT_USER_IDS))));
        } else {
            throw Rule.INVALID_INPUT.violation("Choose how to resolve the shortage: add seats, pick another "
                    + "subscription, or leave users out.");
        }
    }

    private static void use(DelegateExecution execution, Subscription subscription) {
        execution.setVariable(SOURCE_SUBSCRIPTION_ID, subscription.id());
        execution.setVariable(ASSIGNED_PRODUCT_ID, subscription.productId());
    }
}
