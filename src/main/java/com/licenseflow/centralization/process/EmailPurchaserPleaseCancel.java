package com.licenseflow.centralization.process;

import static com.licenseflow.centralization.process.CentralizationVariables.SUBSCRIPTION_ID;

import com.licenseflow.centralization.CentralizationMails;
import com.licenseflow.notification.MailStep;
import com.licenseflow.notification.MailStepContext;
import com.licenseflow.notification.Notification;
import java.util.List;
import org.springframework.stereotype.Component;

/** Sends the cancel request the branch's first step recorded (an email step, carried out by the mail worker). */
@Component("emailPurchaserPleaseCancel")
class EmailPurchaserPleaseCancel implements MailStep {

    private final CentralizationMails mails;
    private final CentralizationStepContext steps;

    public EmailPurchaserPleaseCancel(CentralizationMails mails, CentralizationStepContext steps) {
        this.mails = mails;
        this.steps = steps;
    }

    @Override
    public List<Notification> mails(MailStepContext step) {
        return mails.cancelRequest(
                steps.centralizationId(step.processInstanceId()),
                steps.subscriptionId(step.processInstanceId(), step.variable(SUBSCRIPTION_ID)));
    }
}
