package com.licenseflow.takeover.process;

import com.licenseflow.notification.MailStep;
import com.licenseflow.notification.MailStepContext;
import com.licenseflow.notification.Notification;
import com.licenseflow.takeover.TakeoverMails;
import java.util.List;
import org.springframework.stereotype.Component;

/** S6: the purchaser learns their users were moved and their subscription cancelled (or kept for those who stayed). */
@Component("emailPurchaserUsersMoved")
class EmailPurchaserUsersMoved implements MailStep {

    private final TakeoverMails mails;
    private final TakeoverStepContext steps;

    public EmailPurchaserUsersMoved(TakeoverMails mails, TakeoverStepContext steps) {
        this.mails = mails;
        this.steps = steps;
    }

    @Override
    public List<Notification> mails(MailStepContext step) {
        return mails.moved(steps.takeoverId(step.processInstanceId()));
    }
}
