package com.licenseflow.request.process;

import com.licenseflow.request.ApprovalStages;
import com.licenseflow.request.LicenseRequest;
import com.licenseflow.request.RequestedUser;
import com.licenseflow.shared.Words;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.forms.FormText;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What license-request.bpmn asks about its approval stages, read from the request (never from a
 * variable a caller could set): where the approval goes next, whom the waiting task is for, and how
 * long it waits before its fallback takes over.
 */
@Component("licenseApprovalStages")
@ProcessBean
public class LicenseApprovalStages {

    private final ApprovalStages stages;
    private final LicenseRequestOfInstance requests;

    public LicenseApprovalStages(ApprovalStages stages, LicenseRequestOfInstance requests) {
        this.stages = stages;
        this.requests = requests;
    }

    /** {@code automatic}, {@code stage} (a stage before the last) or {@code review} (the last stage). */
    public String next(DelegateExecution execution) {
        return stages.next(requests.of(execution).id()).name().toLowerCase(Locale.ROOT);
    }

    /** The one person the waiting stage is for, else null (it is for the candidate groups). */
    public String assignee(DelegateExecution execution) {
        return stages.assignee(requests.of(execution).id());
    }

    public List<String> candidateGroups(DelegateExecution execution) {
        return stages.candidateGroups(requests.of(execution).id());
    }

    /** ISO 8601 duration of the waiting stage's "escalate after" in the approval policy. */
    public String escalateAfter(DelegateExecution execution) {
        return stages.escalateAfter(requests.of(execution).id());
    }

    /** For the stage form: which stage this is, the users asked for, and who decides after. */
    public String stageSummary(DelegateExecution execution) {
        LicenseRequest request = requests.of(execution);
        ApprovalStages.Progress progress = stages.progress(List.of(request)).get(request.id());
        String users = request.users().stream().map(RequestedUser::displayName).collect(Words.and());
        return FormText.plain("Approval stage " + progress.stage() + " of " + progress.stages() + " ("
                + progress.policy() + "). " + request.requesterName() + " asks for " + request.productName() + " for "
                + users + ". If you approve, the next stage decides which products and services they get.");
    }
}
