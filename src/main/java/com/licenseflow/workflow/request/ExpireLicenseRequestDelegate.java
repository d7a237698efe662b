package com.licenseflow.workflow.request;

import static com.licenseflow.workflow.request.RequestVariables.LICENSE_REQUEST_ID;

import com.licenseflow.domain.request.LicenseRequestReview;
import com.licenseflow.notification.LicenseRequestMails;
import com.licenseflow.notification.NotificationService;
import com.licenseflow.workflow.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Nobody decided within the retention period: the request expires; the emails telling its users are recorded. */
@Component("expireLicenseRequest")
public class ExpireLicenseRequestDelegate implements JavaDelegate {

    private final LicenseRequestReview review;
    private final LicenseRequestMails mails;
    private final NotificationService notifications;

    public ExpireLicenseRequestDelegate(LicenseRequestReview review, LicenseRequestMails mails,
                                        NotificationService notifications) {
        this.review = review;
        this.mails = mails;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.record(mails.expired(review.expire(FormValues.string(execution, LICENSE_REQUEST_ID))));
    }
}
