package com.licenseflow.request.process;

import com.licenseflow.notification.MailStep;
import com.licenseflow.notification.MailStepContext;
import com.licenseflow.notification.Notification;
import com.licenseflow.request.ApprovalStages;
import com.licenseflow.request.LicenseRequestMails;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Every firing of the reminder timer reaches this step in an execution of its own; its id tells
 * this reminder from earlier ones and stays the same when the step is retried.
 */
@Component("remindApprovers")
class RemindApprovers implements MailStep {

    private final LicenseRequestOfInstance requests;
    private final ApprovalStages stages;
    private final LicenseRequestMails mails;

    public RemindApprovers(LicenseRequestOfInstance requests, ApprovalStages stages, LicenseRequestMails mails) {
        this.requests = requests;
        this.stages = stages;
        this.mails = mails;
    }

    @Override
    public List<Notification> mails(MailStepContext step) {
        return mails.reminder(
                requests.of(step.processInstanceId()),
                stages.waitingFor(requests.of(step.processInstanceId())),
                step.executionId());
    }
}
