package com.licenseflow.takeover.process;

import com.licenseflow.notification.MailStep;
import com.licenseflow.takeover.TakeoverMails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The email steps of subscription-takeover.bpmn (external tasks carried out by the mail worker once
 * the change they report on has committed): which email the purchaser gets.
 */
@Configuration
public class TakeoverSteps {

    @Bean
    public MailStep notifySubscriptionMovedAndCancelled(TakeoverMails mails, TakeoverStepContext steps) {
        return step -> mails.movedAndCancelled(steps.takeoverId(step.processInstanceId()));
    }

    @Bean
    public MailStep notifySubscriptionCancelled(TakeoverMails mails, TakeoverStepContext steps) {
        return step -> mails.cancelled(steps.takeoverId(step.processInstanceId()));
    }

    @Bean
    public MailStep notifySubscriptionEndsAtTerm(TakeoverMails mails, TakeoverStepContext steps) {
        return step -> mails.endsAtTerm(steps.takeoverId(step.processInstanceId()));
    }
}
