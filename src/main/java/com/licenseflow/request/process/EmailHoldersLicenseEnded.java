package com.licenseflow.request.process;

import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.notification.MailStep;
import com.licenseflow.notification.MailStepContext;
import com.licenseflow.notification.Notification;
import com.licenseflow.request.LicenseEnds;
import com.licenseflow.request.LicenseRequest;
import com.licenseflow.request.LicenseRequestMails;
import java.util.List;
import org.springframework.stereotype.Component;

/** Tells each user whose license ended on its end date, with how long their data is kept. */
@Component("emailHoldersLicenseEnded")
class EmailHoldersLicenseEnded implements MailStep {

    private final LicenseRequestOfInstance requests;
    private final LicenseEnds ends;
    private final LicenseRequestMails mails;
    private final LicenseLedger ledger;

    EmailHoldersLicenseEnded(
            LicenseRequestOfInstance requests, LicenseEnds ends, LicenseRequestMails mails, LicenseLedger ledger) {
        this.requests = requests;
        this.ends = ends;
        this.mails = mails;
        this.ledger = ledger;
    }

    @Override
    public List<Notification> mails(MailStepContext step) {
        LicenseRequest request = requests.of(step.processInstanceId());
        return mails.ended(request, ends.ended(request), ledger.dataKeptUntil());
    }
}
