package com.licenseflow.workflow.request;

import com.licenseflow.domain.request.LicenseRequestApprovers;
import com.licenseflow.notification.LicenseRequestMails;
import com.licenseflow.notification.NotificationService;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Reminds every approver that a request still waits. Each firing of the reminder timer runs in an
 * execution of its own; its id tells this reminder from earlier ones and stays the same when this
 * step is retried.
 */
@Component("remindLicenseRequestApprovers")
@ProcessBean
public class RemindLicenseRequestApproversDelegate implements JavaDelegate {

    private final LicenseRequestOfInstance requests;
    private final LicenseRequestApprovers approvers;
    private final LicenseRequestMails mails;
    private final NotificationService notifications;

    public RemindLicenseRequestApproversDelegate(LicenseRequestOfInstance requests, LicenseRequestApprovers approvers,
                                                 LicenseRequestMails mails, NotificationService notifications) {
        this.requests = requests;
        this.approvers = approvers;
        this.mails = mails;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.deliver(mails.reminder(requests.of(execution),
                approvers.approvers(), execution.getId()));
    }
}
