package com.licenseflow.request.process;

import com.licenseflow.notification.MailStep;
import com.licenseflow.notification.MailStepContext;
import com.licenseflow.notification.Notification;
import com.licenseflow.request.LicenseRequestMails;
import java.util.List;
import org.springframework.stereotype.Component;

/** R10: every user of the request learns whether they got the license, once the decision has committed. */
@Component("emailEveryUserTheOutcome")
class EmailEveryUserTheOutcome implements MailStep {

    private final LicenseRequestOfInstance requests;
    private final LicenseRequestMails mails;

    public EmailEveryUserTheOutcome(LicenseRequestOfInstance requests, LicenseRequestMails mails) {
        this.requests = requests;
        this.mails = mails;
    }

    @Override
    public List<Notification> mails(MailStepContext step) {
        return mails.outcome(requests.of(step.processInstanceId()));
    }
}
