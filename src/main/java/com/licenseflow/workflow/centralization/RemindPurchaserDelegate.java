package com.licenseflow.workflow.centralization;

import com.licenseflow.domain.centralization.CampaignSubscription;
import com.licenseflow.domain.centralization.PurchaseCancellations;
import com.licenseflow.notification.CentralizationMails;
import com.licenseflow.notification.NotificationService;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reminds the purchaser, while their subscription is live, that it waits to be cancelled. Runs as
 * an asynchronous step; the reminder's number (counted in the same transaction) is in the email's
 * idempotency key, so a retried step sends the same reminder once.
 */
@Component("remindPurchaserToCancel")
@ProcessBean
public class RemindPurchaserDelegate implements JavaDelegate {

    private final PurchaseCancellations cancellations;
    private final CentralizationStepContext steps;
    private final CentralizationMails mails;
    private final NotificationService notifications;

    public RemindPurchaserDelegate(PurchaseCancellations cancellations, CentralizationStepContext steps,
                                   CentralizationMails mails, NotificationService notifications) {
        this.cancellations = cancellations;
        this.steps = steps;
        this.mails = mails;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = steps.centralizationId(execution);
        long subscriptionId = steps.subscriptionId(execution);
        CampaignSubscription waiting = cancellations.remind(id, subscriptionId);
        if (!waiting.isDeleted()) {
            notifications.deliver(mails.reminder(id, subscriptionId, waiting.reminders()));
        }
    }
}
