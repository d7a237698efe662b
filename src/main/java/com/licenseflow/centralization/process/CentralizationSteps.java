package com.licenseflow.centralization.process;

import static com.licenseflow.centralization.process.CentralizationVariables.REMINDER_NUMBER;
import static com.licenseflow.centralization.process.CentralizationVariables.SUBSCRIPTION_ID;

import com.licenseflow.centralization.Centralizations;
import com.licenseflow.centralization.CentralizationMails;
import com.licenseflow.notification.MailStep;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of license-centralization.bpmn that only move the campaign on, and its email steps
 * (external tasks carried out by the mail worker once the step before them has committed).
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

    /** Sends the cancel request the branch's first step recorded (an email step, carried out by the mail worker). */
    @Bean
    public MailStep notifyPurchaserToCancel(CentralizationMails mails, CentralizationStepContext steps) {
        return step -> mails.cancelRequest(steps.centralizationId(step.processInstanceId()),
                steps.subscriptionId(step.processInstanceId(), step.variable(SUBSCRIPTION_ID)));
    }

    /**
     * Sends the reminder "Count the reminder" counted (its number is in the email's idempotency key,
     * so a retried step sends that reminder once); none for a subscription cancelled meanwhile.
     */
    @Bean
    public MailStep remindPurchaserToCancel(CentralizationMails mails, CentralizationStepContext steps) {
        return step -> {
            Long number = FormValues.optionalLong(step.variable(REMINDER_NUMBER), "the reminder");
            return number == null ? List.of() : mails.reminder(steps.centralizationId(step.processInstanceId()),
                    steps.subscriptionId(step.processInstanceId(), step.variable(SUBSCRIPTION_ID)), number.intValue());
        };
    }

    /** Sends the summary "Complete the campaign" recorded, to the admin the campaign acts for. */
    @Bean
    public MailStep notifyCentralizationSummary(CentralizationMails mails, Centralizations centralizations,
                                                CentralizationStepContext steps) {
        return step -> {
            long id = steps.centralizationId(step.processInstanceId());
            return mails.summary(id, steps.actingFor(step.processInstanceId()), centralizations.progress(id));
        };
    }
}
