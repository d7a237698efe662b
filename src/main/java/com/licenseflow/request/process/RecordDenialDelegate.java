package com.licenseflow.request.process;

import static com.licenseflow.request.process.RequestVariables.ACTIVITY_APPROVE_AT_STAGE;
import static com.licenseflow.request.process.RequestVariables.ACTIVITY_REVIEW;

import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.notification.NotificationService;
import com.licenseflow.request.LicenseRequest;
import com.licenseflow.request.LicenseRequestMails;
import com.licenseflow.request.LicenseRequestReview;
import com.licenseflow.request.ReviewDecision;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * R5: records that the whole request was denied, in the name of whoever just completed the
 * review, and the emails telling every user.
 */
@Component("recordDenial")
@ProcessBean
class RecordDenialDelegate implements JavaDelegate {

    private final LicenseRequestReview review;
    private final LicenseRequestOfInstance requests;
    private final ProcessDecisions decisions;
    private final Directory directory;
    private final LicenseRequestMails mails;
    private final NotificationService notifications;

    RecordDenialDelegate(
            LicenseRequestReview review,
            LicenseRequestOfInstance requests,
            ProcessDecisions decisions,
            Directory directory,
            LicenseRequestMails mails,
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
        ProcessDecisions.Decision decided = decisions.require(execution, ACTIVITY_REVIEW, ACTIVITY_APPROVE_AT_STAGE);
        ReviewDecision decision = ACTIVITY_APPROVE_AT_STAGE.equals(decided.activityId())
                ? ReviewDecisionVariables.readStage(execution)
                : ReviewDecisionVariables.read(execution);
        LicenseRequest denied = review.deny(
                ChangeContext.byProcess(
                        directory.actor(decided.userId()), "license request denied", execution.getProcessInstanceId()),
                requests.of(execution).id(),
                decision);
        notifications.record(mails.outcome(denied));
    }
}
