package com.licenseflow.lifecycle.process;

import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.lifecycle.IdleLicenseReclaim;
import com.licenseflow.lifecycle.LifecycleSettings;
import com.licenseflow.shared.Money;
import com.licenseflow.shared.Words;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * What license-reclaim.bpmn and license-recertification.bpmn ask: how often reclaim runs, who reviews
 * (one task per manager, the License admins for holders without one), until when, how often they are
 * reminded, and the review form's list, computed when Tasklist opens it (never stored: no list of users
 * in a variable).
 */
@Component("licenseReview")
@ProcessBean
public class LicenseReview {

    private final Money money;
    private final IdleLicenseReclaim reclaim;
    private final Duration every;
    private final Duration remindEvery;
    private final ZoneId zone;

    public LicenseReview(Money money, IdleLicenseReclaim reclaim, LifecycleSettings settings) {
        this.money = money;
        this.reclaim = reclaim;
        this.every = settings.reclaim().every();
        this.remindEvery = settings.reclaim().remindEvery();
        this.zone = ZoneId.systemDefault();
    }

    /** ISO 8601 repeating interval of the timer start event. */
    public String getCycle() {
        return "R/" + every;
    }

    public List<String> reviewers(DelegateExecution execution) {
        return reclaim.reviewers(execution.getProcessInstanceId());
    }

    public String assignee(String reviewer) {
        return reviewer == null || reviewer.isEmpty() ? null : reviewer;
    }

    public List<String> candidateGroups(String reviewer) {
        return reviewer == null || reviewer.isEmpty() ? List.of(AdminRole.LICENSE_ADMIN.groupId()) : List.of();
    }

    public Date due(DelegateExecution execution) {
        return Date.from(reclaim.reviewUntil(execution.getProcessInstanceId()));
    }

    public String summary(DelegateExecution execution) {
        IdleLicenseReclaim.Review review = review(execution);
        if (reclaim.isRecertification(execution.getProcessInstanceId())) {
            return "Recertify the " + Words.count(review.licenses().size(), "license", "licenses") + " held by "
                    + (review.reviewerId().isEmpty()
                            ? "people without a manager on record"
                            : "people who report to " + review.reviewerName())
                    + ": tick those still needed; the others are removed (their holders are told and their mailbox "
                    + "data kept 30 days). Decide by " + Words.moment(review.due(), zone) + ": after that, what is not "
                    + "decided follows the campaign's default.";
        }
        return Words.count(review.licenses().size(), "license has", "licenses have") + " not been used "
                + (review.reviewerId().isEmpty()
                        ? "by people without a manager on record"
                        : "by people who report to " + review.reviewerName())
                + ". Tick the ones still needed and say why; the others are reclaimed (their holders are told and "
                + "their mailbox data kept 30 days). Decide by " + Words.moment(review.due(), zone) + ": after that, "
                + "what is not decided follows the default.";
    }

    public List<Map<String, String>> options(DelegateExecution execution) {
        return review(execution).licenses().stream()
                .filter(l -> "OPEN".equals(l.decision()))
                .map(l -> FormValues.option(l.label(money), String.valueOf(l.assignmentId())))
                .toList();
    }

    /** Reminders to a reviewer who has not answered: every {@code remind-every} until the deadline. */
    public String getReminderCycle() {
        return "R/" + remindEvery;
    }

    public boolean anythingFound(DelegateExecution execution) {
        return reclaim.report(execution.getProcessInstanceId()).idle() > 0;
    }

    /**
     * Each review's own "kept" variable, local to its branch so that two managers answering at once do
     * not overwrite each other; JSON, so that Tasklist submits its checklist as JSON.
     */
    public TypedValue noneKept() {
        return FormValues.json(List.of());
    }

    private IdleLicenseReclaim.Review review(DelegateExecution execution) {
        return reclaim.review(execution.getProcessInstanceId(), ReclaimVariables.reviewer(execution));
    }
}
