package com.licenseflow.centralization.process;

import static com.licenseflow.centralization.process.CentralizationVariables.REMINDER_NUMBER;

import com.licenseflow.centralization.CampaignSubscription;
import com.licenseflow.centralization.PurchaseCancellations;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Count purchaser reminder": each firing of the reminder timer counts one reminder, in the timer's own
 * transaction, and leaves its number on the reminder's execution for "Remind purchaser", which
 * sends it. Counting in the sending step instead would count again on every retry.
 */
@Component("countPurchaserReminder")
@ProcessBean
class CountPurchaserReminderDelegate implements JavaDelegate {

    private final PurchaseCancellations cancellations;
    private final CentralizationStepContext steps;

    CountPurchaserReminderDelegate(PurchaseCancellations cancellations, CentralizationStepContext steps) {
        this.cancellations = cancellations;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CampaignSubscription waiting =
                cancellations.remind(steps.centralizationId(execution), steps.subscriptionId(execution));
        execution.setVariableLocal(REMINDER_NUMBER, waiting.isCancelled() ? null : waiting.reminders());
    }
}
