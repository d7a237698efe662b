package com.licenseflow.request.process;

import static com.licenseflow.request.process.RequestVariables.ACTIVITY_RESOLVE_SEAT_SHORTAGE;
import static com.licenseflow.request.process.RequestVariables.ACTIVITY_REVIEW;
import static com.licenseflow.request.process.RequestVariables.SHORTAGE_MESSAGE;
import static com.licenseflow.request.process.RequestVariables.SOURCE_SUBSCRIPTION_ID;

import com.licenseflow.shared.LicenseRuleViolation;
import com.licenseflow.shared.Rule;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.request.LicenseRequest;
import com.licenseflow.request.LicenseRequestReview;
import com.licenseflow.request.LicenseRequestMails;
import com.licenseflow.notification.NotificationService;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import com.licenseflow.workflow.UntrustedProcessInput;
import com.licenseflow.workflow.forms.FormText;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Assigns the approved licenses in the engine's transaction, in the approver's name, and records the
 * emails telling every user (sent by the asynchronous step that follows). It acts only right after
 * the review (or a seat-shortage resolution) was completed in Tasklist, and in the name of whoever
 * completed the review. Too few seats is a business situation, not a failure: it raises the
 * SEAT_SHORTAGE error the model routes to "Resolve seat shortage" (the domain rolled its own part
 * back, nothing was assigned).
 */
@Component("assignLicenses")
@ProcessBean
class AssignLicensesDelegate implements JavaDelegate {

    public static final String SEAT_SHORTAGE = "SEAT_SHORTAGE";

    private final LicenseRequestReview review;
    private final LicenseRequestOfInstance requests;
    private final ProcessDecisions decisions;
    private final Directory directory;
    private final LicenseRequestMails mails;
    private final NotificationService notifications;

    AssignLicensesDelegate(LicenseRequestReview review, LicenseRequestOfInstance requests,
                                         ProcessDecisions decisions, Directory directory, LicenseRequestMails mails,
                                         NotificationService notifications) {
        this.review = review;
        this.requests = requests;
        this.decisions = decisions;
        this.directory = directory;
        this.mails = mails;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        decisions.require(execution, ACTIVITY_REVIEW, ACTIVITY_RESOLVE_SEAT_SHORTAGE);
        String reviewer = decisions.lastDecider(execution.getProcessInstanceId(), ACTIVITY_REVIEW)
                .orElseThrow(() -> new UntrustedProcessInput("Nobody reviewed this license request, so it cannot "
                        + "be approved."));
        ChangeContext context = ChangeContext.byProcess(directory.actor(reviewer), "license request approved",
                execution.getProcessInstanceId());
        try {
            LicenseRequest approved = review.approve(context, requests.of(execution).id(),
                    ReviewDecisionVariables.read(execution), FormValues.optionalLong(execution, SOURCE_SUBSCRIPTION_ID, "the subscription to assign from"));
            notifications.record(mails.outcome(approved));
        } catch (LicenseRuleViolation violation) {
            if (violation.rule() != Rule.NOT_ENOUGH_SEATS) {
                throw violation;
            }
            execution.setVariable(SHORTAGE_MESSAGE, FormText.plain(violation.getMessage()));
            throw new BpmnError(SEAT_SHORTAGE, violation.getMessage());
        }
    }
}
