package com.licenseflow.request.process;

import com.licenseflow.notification.MailStep;
import com.licenseflow.notification.MailStepContext;
import com.licenseflow.notification.Notification;
import com.licenseflow.request.LicenseRequestMails;
import java.util.List;
import org.springframework.stereotype.Component;

/** Every user of a request nobody decided in time learns it expired. */
@Component("emailEveryUserTheRequestExpired")
class EmailEveryUserTheRequestExpired implements MailStep {

    private final LicenseRequestOfInstance requests;
    private final LicenseRequestMails mails;

    public EmailEveryUserTheRequestExpired(LicenseRequestOfInstance requests, LicenseRequestMails mails) {
        this.requests = requests;
        this.mails = mails;
    }

    @Override
    public List<Notification> mails(MailStepContext step) {
        return mails.expired(requests.of(step.processInstanceId()));
    }
}
