package com.licenseflow.request.process;

import com.licenseflow.notification.NotificationService;
import com.licenseflow.request.LicenseRequestMails;
import com.licenseflow.request.LicenseRequestReview;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Nobody decided within the retention period: the request expires; the emails telling its users are recorded. */
@Component("expireLicenseRequest")
@ProcessBean
class ExpireLicenseRequestDelegate implements JavaDelegate {

    private final LicenseRequestReview review;
    private final LicenseRequestOfInstance requests;
    private final LicenseRequestMails mails;
    private final NotificationService notifications;

    ExpireLicenseRequestDelegate(
            LicenseRequestReview review,
            LicenseRequestOfInstance requests,
            LicenseRequestMails mails,
            NotificationService notifications) {
        this.review = review;
        this.requests = requests;
        this.mails = mails;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.record(mails.expired(review.expire(requests.of(execution).id())));
    }
}
