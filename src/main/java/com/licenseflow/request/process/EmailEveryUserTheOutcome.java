package com.licenseflow.request.process;

import com.licenseflow.notification.MailStep;
import com.licenseflow.notification.MailStepContext;
import com.licenseflow.notification.Notification;
import com.licenseflow.request.LicenseRequest;
import com.licenseflow.request.LicenseRequestMails;
import java.util.List;
import org.springframework.stereotype.Component;

/** R10: every user of the request learns whether they got the license, once the decision has committed. */
@Component("emailEveryUserTheOutcome")
class EmailEveryUserTheOutcome implements MailStep {

    private final LicenseRequestOfInstance requests;
    private final LicenseRequestMails mails;
    private final LicensesInMicrosoft365 microsoft;

    public EmailEveryUserTheOutcome(
            LicenseRequestOfInstance requests, LicenseRequestMails mails, LicensesInMicrosoft365 microsoft) {
        this.requests = requests;
        this.mails = mails;
        this.microsoft = microsoft;
    }

    @Override
    public List<Notification> mails(MailStepContext step) {
        LicenseRequest request = requests.of(step.processInstanceId());
        return mails.outcome(request, microsoft.refusedBy(request));
    }
}
