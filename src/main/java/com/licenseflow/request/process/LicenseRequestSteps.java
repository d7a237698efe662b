package com.licenseflow.request.process;

import com.licenseflow.request.LicenseRequestApprovers;
import com.licenseflow.request.LicenseRequestMails;
import com.licenseflow.notification.MailStep;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The email steps of license-request.bpmn (external tasks carried out by the mail worker once the
 * decision they report on has committed): which emails every user of the request gets (R10
 * outcome, expiry), and the approvers' reminders.
 */
@Configuration
public class LicenseRequestSteps {

    @Bean
    public MailStep notifyLicenseRequestOutcome(LicenseRequestOfInstance requests, LicenseRequestMails mails) {
        return step -> mails.outcome(requests.of(step.processInstanceId()));
    }

    @Bean
    public MailStep notifyLicenseRequestExpired(LicenseRequestOfInstance requests, LicenseRequestMails mails) {
        return step -> mails.expired(requests.of(step.processInstanceId()));
    }

    /**
     * Every firing of the reminder timer reaches this step in an execution of its own; its id tells
     * this reminder from earlier ones and stays the same when the step is retried.
     */
    @Bean
    public MailStep remindLicenseRequestApprovers(LicenseRequestOfInstance requests, LicenseRequestApprovers approvers,
                                                  LicenseRequestMails mails) {
        return step -> mails.reminder(requests.of(step.processInstanceId()), approvers.approvers(), step.executionId());
    }
}
