package com.licenseflow.request.process;

import static com.licenseflow.request.process.RequestVariables.ACTIVITY_RESOLVE_SEAT_SHORTAGE;
import static com.licenseflow.request.process.RequestVariables.ACTIVITY_REVIEW;
import static com.licenseflow.request.process.RequestVariables.APPROVED_USER_IDS;
import static com.licenseflow.request.process.RequestVariables.ASSIGNED_PRODUCT_ID;
import static com.licenseflow.request.process.RequestVariables.SHORTAGE_MESSAGE;
import static com.licenseflow.request.process.RequestVariables.SOURCE_SUBSCRIPTION_ID;

import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.notification.NotificationService;
import com.licenseflow.request.ApprovalStages;
import com.licenseflow.request.LicenseRequest;
import com.licenseflow.request.LicenseRequestMails;
import com.licenseflow.request.LicenseRequestReview;
import com.licenseflow.shared.LicenseRuleViolation;
import com.licenseflow.shared.Rule;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import com.licenseflow.workflow.UntrustedProcessInput;
import com.licenseflow.workflow.forms.FormText;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Assigns the approved licenses in the engine's transaction, in the approver's name, and records the
 * emails telling every user (sent by the asynchronous step that follows; with a Microsoft 365 tenant, composed by that
 * step once Microsoft 365 has answered). It acts only right after
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
    private final ApprovalStages stages;
    private final LicenseRequestOfInstance requests;
    private final ProcessDecisions decisions;
    private final Directory directory;
    private final LicenseRequestMails mails;
    private final NotificationService notifications;
    private final LicensesInMicrosoft365 microsoft;

    AssignLicensesDelegate(
            LicenseRequestReview review,
            ApprovalStages stages,
            LicenseRequestOfInstance requests,
            ProcessDecisions decisions,
            Directory directory,
            LicenseRequestMails mails,
            NotificationService notifications,
            LicensesInMicrosoft365 microsoft) {
        this.review = review;
        this.stages = stages;
        this.requests = requests;
        this.decisions = decisions;
        this.directory = directory;
        this.mails = mails;
        this.notifications = notifications;
        this.microsoft = microsoft;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // Right after a review, a seat-shortage resolution or (the policy approved) the start; never on its own.
        ProcessDecisions.Decision decided =
                decisions.require(execution, ACTIVITY_REVIEW, ACTIVITY_RESOLVE_SEAT_SHORTAGE, ProcessDecisions.START);
        String requestId = requests.of(execution).id();
        Long source = FormValues.optionalLong(execution, SOURCE_SUBSCRIPTION_ID, "the subscription to assign from");
        if (stages.isAutomatic(requestId)) {
            List<String> users =
                    execution.hasVariable(APPROVED_USER_IDS) ? FormValues.strings(execution, APPROVED_USER_IDS) : null;
            if (users == null) {
                // What a seat-shortage form shows and changes, as after a review.
                execution.setVariable(
                        APPROVED_USER_IDS,
                        FormValues.json(requests.of(execution).userIds()));
            }
            String product = FormValues.string(execution, ASSIGNED_PRODUCT_ID);
            assign(
                    execution,
                    () -> review.approveAutomatically(
                            requestId, execution.getProcessInstanceId(), users, product, source));
            return;
        }
        if (ProcessDecisions.START.equals(decided.activityId())) {
            throw new UntrustedProcessInput("The approval policy did not approve this license request "
                    + "automatically: 'Assign licenses' acts only after its review.");
        }
        String reviewer = decisions
                .lastDecider(execution.getProcessInstanceId(), ACTIVITY_REVIEW)
                .orElseThrow(() -> new UntrustedProcessInput(
                        "Nobody reviewed this license request, so it cannot " + "be approved."));
        ChangeContext context = ChangeContext.byProcess(
                directory.actor(reviewer), "license request approved", execution.getProcessInstanceId());
        assign(execution, () -> review.approve(context, requestId, ReviewDecisionVariables.read(execution), source));
    }

    private void assign(DelegateExecution execution, Supplier<LicenseRequest> approval) {
        try {
            LicenseRequest approved = approval.get();
            // With a tenant, the users hear once Microsoft 365 has answered (it may refuse some of them).
            if (!microsoft.toConfirm(execution)) {
                notifications.record(mails.outcome(approved));
            }
        } catch (LicenseRuleViolation violation) {
            if (violation.rule() != Rule.NOT_ENOUGH_SEATS) {
                throw violation;
            }
            execution.setVariable(SHORTAGE_MESSAGE, FormText.plain(violation.getMessage()));
            throw new BpmnError(SEAT_SHORTAGE, violation.getMessage());
        }
    }
}
