package com.licenseflow.workflow.request;

import com.licenseflow.domain.request.LicenseRequestRepository;
import com.licenseflow.notification.LicenseRequestMails;
import com.licenseflow.notification.NotificationService;
import com.licenseflow.workflow.RecordCompletingUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of license-request.bpmn that differ only in what they record or send: who completed a
 * task, and which emails every user of the request gets (R10 outcome, expiry).
 */
@Configuration
public class LicenseRequestSteps {

    @Bean
    public JavaDelegate notifyLicenseRequestOutcome(LicenseRequestRepository requests, LicenseRequestMails mails,
                                                    NotificationService notifications) {
        return new MailRequestUsers(requests, notifications, mails::outcome);
    }

    @Bean
    public JavaDelegate notifyLicenseRequestExpired(LicenseRequestRepository requests, LicenseRequestMails mails,
                                                    NotificationService notifications) {
        return new MailRequestUsers(requests, notifications, mails::expired);
    }

    @Bean
    public TaskListener recordReviewer(IdentityService identity) {
        return new RecordCompletingUser(identity, RequestVariables.REVIEWER_ID, "review license requests");
    }

    @Bean
    public TaskListener recordShortageResolver(IdentityService identity) {
        return new RecordCompletingUser(identity, RequestVariables.SHORTAGE_RESOLVED_BY, "resolve a seat shortage");
    }
}
