package com.licenseflow.workflow.request;

import com.licenseflow.notification.LicenseRequestMails;
import com.licenseflow.notification.NotificationService;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of license-request.bpmn that differ only in which emails every user of the request
 * gets (R10 outcome, expiry).
 */
@Configuration
public class LicenseRequestSteps {

    @Bean
    @ProcessBean
    public JavaDelegate notifyLicenseRequestOutcome(LicenseRequestOfInstance requests, LicenseRequestMails mails,
                                                    NotificationService notifications) {
        return new MailRequestUsers(requests, notifications, mails::outcome);
    }

    @Bean
    @ProcessBean
    public JavaDelegate notifyLicenseRequestExpired(LicenseRequestOfInstance requests, LicenseRequestMails mails,
                                                    NotificationService notifications) {
        return new MailRequestUsers(requests, notifications, mails::expired);
    }
}
