package com.licenseflow.centralization.process;

import static com.licenseflow.centralization.process.CentralizationVariables.REMINDER_NUMBER;
import static com.licenseflow.centralization.process.CentralizationVariables.SUBSCRIPTION_ID;

import com.licenseflow.centralization.CentralizationMails;
import com.licenseflow.notification.MailStep;
import com.licenseflow.notification.MailStepContext;
import com.licenseflow.notification.Notification;
import com.licenseflow.workflow.FormValues;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Sends the reminder "Count purchaser reminder" counted (its number is in the email's idempotency key,
 * so a retried step sends that reminder once); none for a subscription cancelled meanwhile.
 */
@Component("remindPurchaser")
class RemindPurchaser implements MailStep {

    private final CentralizationMails mails;
    private final CentralizationStepContext steps;

    public RemindPurchaser(CentralizationMails mails, CentralizationStepContext steps) {
        this.mails = mails;
        this.steps = steps;
    }

    @Override
    public List<Notification> mails(MailStepContext step) {
        Long number = FormValues.optionalLong(step.variable(REMINDER_NUMBER), "the reminder");
        return number == null
                ? List.of()
                : mails.reminder(
                        steps.centralizationId(step.processInstanceId()),
                        steps.subscriptionId(step.processInstanceId(), step.variable(SUBSCRIPTION_ID)),
                        number.intValue());
    }
}
