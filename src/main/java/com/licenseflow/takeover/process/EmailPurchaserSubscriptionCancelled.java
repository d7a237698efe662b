package com.licenseflow.takeover.process;

import com.licenseflow.notification.MailStep;
import com.licenseflow.notification.MailStepContext;
import com.licenseflow.notification.Notification;
import com.licenseflow.takeover.TakeoverMails;
import java.util.List;
import org.springframework.stereotype.Component;

/** S7: the purchaser learns their subscription was cancelled at once, and their users lost access. */
@Component("emailPurchaserSubscriptionCancelled")
class EmailPurchaserSubscriptionCancelled implements MailStep {

    private final TakeoverMails mails;
    private final TakeoverStepContext steps;

    public EmailPurchaserSubscriptionCancelled(TakeoverMails mails, TakeoverStepContext steps) {
        this.mails = mails;
        this.steps = steps;
    }

    @Override
    public List<Notification> mails(MailStepContext step) {
        return mails.cancelled(steps.takeoverId(step.processInstanceId()));
    }
}
