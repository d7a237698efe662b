package com.licenseflow.workflow.centralization;

import com.licenseflow.domain.centralization.Centralizations;
import com.licenseflow.notification.CentralizationMails;
import com.licenseflow.notification.NotificationService;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of license-centralization.bpmn that only record who completed a task, move the
 * campaign on, or send what an earlier step recorded.
 */
@Configuration
public class CentralizationSteps {

    /** Every user handled: unused reserved seats given back, the campaign waits for the purchasers. */
    @Bean
    @ProcessBean
    public JavaDelegate completeCentralAssignment(Centralizations centralizations, CentralizationStepContext steps) {
        return execution -> {
            long id = steps.centralizationId(execution);
            centralizations.completeAssignment(steps.context(execution, "central licenses assigned"), id);
            CentralizationProgressVariables.show(execution, centralizations.progress(id));
        };
    }

    /** Sends the cancel request the branch's first step recorded (asynchronous, retried). */
    @Bean
    @ProcessBean
    public JavaDelegate notifyPurchaserToCancel(CentralizationMails mails, NotificationService notifications,
                                                CentralizationStepContext steps) {
        return execution -> notifications.deliver(mails.cancelRequest(
                steps.centralizationId(execution), steps.subscriptionId(execution)));
    }

    /** Sends the summary "Complete the campaign" recorded, to the admin the campaign acts for (asynchronous, retried). */
    @Bean
    @ProcessBean
    public JavaDelegate notifyCentralizationSummary(CentralizationMails mails, NotificationService notifications,
                                                    Centralizations centralizations, CentralizationStepContext steps) {
        return execution -> {
            long id = steps.centralizationId(execution);
            notifications.deliver(mails.summary(id, steps.context(execution, "summary").actorId(),
                    centralizations.progress(id)));
        };
    }
}
