package com.licenseflow.centralization.process;

import com.licenseflow.centralization.CentralizationMails;
import com.licenseflow.centralization.Centralizations;
import com.licenseflow.notification.MailStep;
import com.licenseflow.notification.MailStepContext;
import com.licenseflow.notification.Notification;
import java.util.List;
import org.springframework.stereotype.Component;

/** Sends the summary "Complete centralization" recorded, to the admin the campaign acts for. */
@Component("emailAdminSummary")
class EmailAdminSummary implements MailStep {

    private final CentralizationMails mails;
    private final Centralizations centralizations;
    private final CentralizationStepContext steps;

    public EmailAdminSummary(
            CentralizationMails mails, Centralizations centralizations, CentralizationStepContext steps) {
        this.mails = mails;
        this.centralizations = centralizations;
        this.steps = steps;
    }

    @Override
    public List<Notification> mails(MailStepContext step) {
        long id = steps.centralizationId(step.processInstanceId());
        return mails.summary(id, steps.actingFor(step.processInstanceId()), centralizations.progress(id));
    }
}
