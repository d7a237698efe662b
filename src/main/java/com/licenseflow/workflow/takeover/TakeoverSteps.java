package com.licenseflow.workflow.takeover;

import com.licenseflow.notification.NotificationService;
import com.licenseflow.notification.TakeoverMails;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of subscription-takeover.bpmn that differ only in which email the purchaser gets. */
@Configuration
public class TakeoverSteps {

    @Bean
    @ProcessBean
    public JavaDelegate notifySubscriptionMovedAndCancelled(TakeoverMails mails, NotificationService notifications,
                                                            TakeoverStepContext steps) {
        return new MailPurchaser(notifications, steps, mails::movedAndCancelled);
    }

    @Bean
    @ProcessBean
    public JavaDelegate notifySubscriptionCancelled(TakeoverMails mails, NotificationService notifications,
                                                    TakeoverStepContext steps) {
        return new MailPurchaser(notifications, steps, mails::cancelled);
    }

    @Bean
    @ProcessBean
    public JavaDelegate notifySubscriptionEndsAtTerm(TakeoverMails mails, NotificationService notifications,
                                                     TakeoverStepContext steps) {
        return new MailPurchaser(notifications, steps, mails::endsAtTerm);
    }
}
