package com.licenseflow.workflow.takeover;

import com.licenseflow.notification.NotificationService;
import com.licenseflow.notification.TakeoverMails;
import com.licenseflow.workflow.RecordCompletingUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of subscription-takeover.bpmn that differ only in what they record or send: who
 * completed a task, and which email the purchaser gets.
 */
@Configuration
public class TakeoverSteps {

    /** The admin who completes a task is the one the takeover's next steps act (and are audited) for. */
    @Bean
    public TaskListener recordTakeoverAdmin(IdentityService identity) {
        return new RecordCompletingUser(identity, TakeoverVariables.TAKEOVER_ADMIN_ID,
                "take over self-service subscriptions");
    }

    @Bean
    public JavaDelegate notifySubscriptionMovedAndCancelled(TakeoverMails mails, NotificationService notifications) {
        return new MailPurchaser(notifications, mails::movedAndCancelled);
    }

    @Bean
    public JavaDelegate notifySubscriptionCancelled(TakeoverMails mails, NotificationService notifications) {
        return new MailPurchaser(notifications, mails::cancelled);
    }

    @Bean
    public JavaDelegate notifySubscriptionEndsAtTerm(TakeoverMails mails, NotificationService notifications) {
        return new MailPurchaser(notifications, mails::endsAtTerm);
    }
}
