package com.licenseflow.workflow.request;

import static com.licenseflow.workflow.request.RequestVariables.LICENSE_REQUEST_ID;
import static com.licenseflow.workflow.request.RequestVariables.REVIEWER_ID;

import com.licenseflow.domain.audit.ChangeContext;
import com.licenseflow.domain.directory.Directory;
import com.licenseflow.domain.request.LicenseRequest;
import com.licenseflow.domain.request.LicenseRequestReview;
import com.licenseflow.notification.LicenseRequestMails;
import com.licenseflow.notification.NotificationService;
import com.licenseflow.workflow.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** R5: records that the whole request was denied, and the emails telling every user. */
@Component("denyLicenseRequest")
public class DenyLicenseRequestDelegate implements JavaDelegate {

    private final LicenseRequestReview review;
    private final Directory directory;
    private final LicenseRequestMails mails;
    private final NotificationService notifications;

    public DenyLicenseRequestDelegate(LicenseRequestReview review, Directory directory, LicenseRequestMails mails,
                                      NotificationService notifications) {
        this.review = review;
        this.directory = directory;
        this.mails = mails;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LicenseRequest denied = review.deny(ChangeContext.byProcess(directory.actor(FormValues.string(execution, REVIEWER_ID)),
                        "license request denied", execution.getProcessInstanceId()),
                FormValues.string(execution, LICENSE_REQUEST_ID), ReviewDecisionVariables.read(execution));
        notifications.record(mails.outcome(denied));
    }
}
