package com.licenseflow.request.process;

import com.licenseflow.notification.MailStep;
import com.licenseflow.notification.MailStepContext;
import com.licenseflow.notification.Notification;
import com.licenseflow.request.LicenseEnds;
import com.licenseflow.request.LicenseRequest;
import com.licenseflow.request.LicenseRequestMails;
import java.util.List;
import org.springframework.stereotype.Component;

/** The notice before a license ends, to its holders and their managers, with the task to ask for an extension. */
@Component("emailHoldersAndManagersLicenseEndsSoon")
class EmailHoldersAndManagersLicenseEndsSoon implements MailStep {

    private final LicenseRequestOfInstance requests;
    private final LicenseEnds ends;
    private final LicenseRequestMails mails;

    EmailHoldersAndManagersLicenseEndsSoon(
            LicenseRequestOfInstance requests, LicenseEnds ends, LicenseRequestMails mails) {
        this.requests = requests;
        this.ends = ends;
        this.mails = mails;
    }

    @Override
    public List<Notification> mails(MailStepContext step) {
        LicenseRequest request = requests.of(step.processInstanceId());
        // One notice per end date: an extension's new date is announced again.
        return mails.endsSoon(
                request,
                ends.holders(request),
                ends.holdersAndManagers(request),
                request.endsOn().toString());
    }
}
