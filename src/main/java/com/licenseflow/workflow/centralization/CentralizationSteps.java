package com.licenseflow.workflow.centralization;

import com.licenseflow.domain.centralization.Centralizations;
import com.licenseflow.notification.CentralizationMails;
import com.licenseflow.notification.NotificationService;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.RecordCompletingUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of license-centralization.bpmn that only record who completed a task, move the
 * campaign on, or send what an earlier step recorded.
 */
@Configuration
public class CentralizationSteps {

    /** Whoever completes "Plan centralization" is the admin the campaign acts (and is audited) for from then on. */
    @Bean
    public TaskListener recordCentralizationAdmin(IdentityService identity) {
        return new RecordCompletingUser(identity, CentralizationVariables.CENTRALIZATION_ADMIN_ID,
                "centralize self-service purchases");
    }

    /** Whoever decides at a purchase's deadline acts for that branch (a variable local to it). */
    @Bean
    public TaskListener recordDeadlineDecider(IdentityService identity) {
        return new RecordCompletingUser(identity, CentralizationVariables.DEADLINE_DECIDED_BY,
                "decide about a purchaser who did not cancel");
    }

    /** Every user handled: unused reserved seats given back, the campaign waits for the purchasers. */
    @Bean
    public JavaDelegate completeCentralAssignment(Centralizations centralizations, CentralizationStepContext steps) {
        return execution -> {
            long id = CentralizationStepContext.centralizationId(execution);
            centralizations.completeAssignment(steps.context(execution, "central licenses assigned"), id);
            CentralizationProgressVariables.show(execution, centralizations.progress(id));
        };
    }

    /** Sends the cancel request the branch's first step recorded (asynchronous, retried). */
    @Bean
    public JavaDelegate notifyPurchaserToCancel(CentralizationMails mails, NotificationService notifications) {
        return execution -> notifications.deliver(mails.cancelRequest(
                CentralizationStepContext.centralizationId(execution), CentralizationStepContext.subscriptionId(execution)));
    }

    /** Sends the summary "Complete the campaign" recorded, to the admin it names (asynchronous, retried). */
    @Bean
    public JavaDelegate notifyCentralizationSummary(CentralizationMails mails, NotificationService notifications,
                                                    Centralizations centralizations) {
        return execution -> {
            long id = CentralizationStepContext.centralizationId(execution);
            notifications.deliver(mails.summary(id, FormValues.string(execution,
                    CentralizationVariables.CENTRALIZATION_ADMIN_ID), centralizations.progress(id)));
        };
    }
}
