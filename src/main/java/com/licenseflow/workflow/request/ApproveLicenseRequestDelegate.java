package com.licenseflow.workflow.request;

import static com.licenseflow.workflow.request.RequestVariables.LICENSE_REQUEST_ID;
import static com.licenseflow.workflow.request.RequestVariables.REVIEWER_ID;
import static com.licenseflow.workflow.request.RequestVariables.SHORTAGE_MESSAGE;
import static com.licenseflow.workflow.request.RequestVariables.SOURCE_SUBSCRIPTION_ID;

import com.licenseflow.domain.LicenseRuleViolation;
import com.licenseflow.domain.Rule;
import com.licenseflow.domain.audit.ChangeContext;
import com.licenseflow.domain.directory.Directory;
import com.licenseflow.domain.request.LicenseRequest;
import com.licenseflow.domain.request.LicenseRequestReview;
import com.licenseflow.notification.LicenseRequestMails;
import com.licenseflow.notification.NotificationService;
import com.licenseflow.workflow.FormValues;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Assigns the approved licenses in the engine's transaction, in the approver's name, and records the
 * emails telling every user (sent by the asynchronous step that follows). Too few seats
 * is a business situation, not a failure: it raises the SEAT_SHORTAGE error the model routes to
 * "Resolve seat shortage" (the domain rolled its own part back, nothing was assigned).
 */
@Component("approveLicenseRequest")
public class ApproveLicenseRequestDelegate implements JavaDelegate {

    public static final String SEAT_SHORTAGE = "SEAT_SHORTAGE";

    private final LicenseRequestReview review;
    private final Directory directory;
    private final LicenseRequestMails mails;
    private final NotificationService notifications;

    public ApproveLicenseRequestDelegate(LicenseRequestReview review, Directory directory, LicenseRequestMails mails,
                                         NotificationService notifications) {
        this.review = review;
        this.directory = directory;
        this.mails = mails;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reviewer = FormValues.string(execution, REVIEWER_ID);
        ChangeContext context = ChangeContext.byProcess(directory.actor(reviewer), "license request approved",
                execution.getProcessInstanceId());
        try {
            LicenseRequest approved = review.approve(context, FormValues.string(execution, LICENSE_REQUEST_ID),
                    ReviewDecisionVariables.read(execution), FormValues.optionalLong(execution, SOURCE_SUBSCRIPTION_ID));
            notifications.record(mails.outcome(approved));
        } catch (LicenseRuleViolation violation) {
            if (violation.rule() != Rule.NOT_ENOUGH_SEATS) {
                throw violation;
            }
            execution.setVariable(SHORTAGE_MESSAGE, violation.getMessage());
            throw new BpmnError(SEAT_SHORTAGE, violation.getMessage());
        }
    }
}
