package com.licenseflow.takeover.process;

import com.licenseflow.notification.MailStep;
import com.licenseflow.notification.MailStepContext;
import com.licenseflow.notification.Notification;
import com.licenseflow.takeover.TakeoverMails;
import java.util.List;
import org.springframework.stereotype.Component;

/** A10: the purchaser learns their subscription ends at the end of its term (recurring billing off). */
@Component("emailPurchaserSubscriptionEndsAtTerm")
class EmailPurchaserSubscriptionEndsAtTerm implements MailStep {

    private final TakeoverMails mails;
    private final TakeoverStepContext steps;

    public EmailPurchaserSubscriptionEndsAtTerm(TakeoverMails mails, TakeoverStepContext steps) {
        this.mails = mails;
        this.steps = steps;
    }

    @Override
    public List<Notification> mails(MailStepContext step) {
        return mails.endsAtTerm(steps.takeoverId(step.processInstanceId()));
    }
}
