package com.licenseflow.centralization.process;

import static com.licenseflow.centralization.process.CentralizationVariables.CANCEL_DEADLINE;
import static com.licenseflow.centralization.process.CentralizationVariables.DEADLINE_DECISION;
import static com.licenseflow.centralization.process.CentralizationVariables.EXTEND_BY_DAYS;
import static com.licenseflow.centralization.process.CentralizationVariables.PURCHASE_SUMMARY;
import static com.licenseflow.centralization.process.CentralizationVariables.SUBSCRIPTION_DELETED;
import static com.licenseflow.centralization.process.CentralizationVariables.TAKEN_OVER;

import com.licenseflow.centralization.CampaignSubscription;
import com.licenseflow.centralization.CentralizationMails;
import com.licenseflow.centralization.PurchaseCancellations;
import com.licenseflow.notification.NotificationService;
import com.licenseflow.workflow.ProcessBean;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of a purchase's branch: records that the purchaser is asked to cancel, by when, and
 * the email asking them (the outbox: sent by the asynchronous step that follows). Declares the
 * branch's variables local to it, so that branches never write each other's (or the instance's)
 * variables. A subscription already Deleted needs no asking.
 */
@Component("askPurchaserToCancel")
@ProcessBean
class AskPurchaserToCancelDelegate implements JavaDelegate {

    private final PurchaseCancellations cancellations;
    private final CentralizationStepContext steps;
    private final CentralizationTimers timers;
    private final CentralizationMails mails;
    private final NotificationService notifications;

    AskPurchaserToCancelDelegate(
            PurchaseCancellations cancellations,
            CentralizationStepContext steps,
            CentralizationTimers timers,
            CentralizationMails mails,
            NotificationService notifications) {
        this.cancellations = cancellations;
        this.steps = steps;
        this.timers = timers;
        this.mails = mails;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = steps.centralizationId(execution);
        long subscriptionId = steps.subscriptionId(execution);
        for (String local : new String[] {PURCHASE_SUMMARY, DEADLINE_DECISION, EXTEND_BY_DAYS}) {
            execution.setVariableLocal(local, null);
        }
        execution.setVariableLocal(TAKEN_OVER, false);
        CampaignSubscription asked = cancellations.ask(id, subscriptionId, timers.getDeadline());
        execution.setVariableLocal(SUBSCRIPTION_DELETED, asked.isCancelled());
        execution.setVariableLocal(CANCEL_DEADLINE, Date.from(asked.deadline()));
        if (!asked.isCancelled()) {
            notifications.record(mails.cancelRequest(id, subscriptionId));
        }
    }
}
