package com.licenseflow.request.process;

import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.request.ApprovalStages;
import com.licenseflow.request.LicenseEnds;
import com.licenseflow.request.LicenseRequest;
import com.licenseflow.request.LicenseRequestSettings;
import com.licenseflow.shared.Words;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.forms.FormText;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What license-end.bpmn (and the gateway of license-request.bpmn that calls it) asks about a
 * request's licenses that end, read from the request: when the notice is due, when they end, who may
 * ask for an extension and who approves one.
 */
@Component("licenseEnd")
@ProcessBean
public class LicenseEnd {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

    private final LicenseRequestOfInstance requests;
    private final LicenseEnds ends;
    private final ApprovalStages stages;
    private final Duration noticeBefore;

    public LicenseEnd(
            LicenseRequestOfInstance requests,
            LicenseEnds ends,
            ApprovalStages stages,
            LicenseRequestSettings settings) {
        this.requests = requests;
        this.ends = ends;
        this.stages = stages;
        this.noticeBefore = settings.endNoticeBefore();
    }

    /** Whether the request granted licenses that end on a date. */
    public boolean endsOnADate(DelegateExecution execution) {
        return ends.endsOnADate(requests.of(execution));
    }

    /** When the holders and their managers are told: {@code licenseflow.license-requests.end-notice-before} before the end. */
    public Date noticeDue(DelegateExecution execution) {
        return Date.from(endsAt(requests.of(execution)).toInstant().minus(noticeBefore));
    }

    /** The start of the day the licenses end. */
    public Date endsAt(DelegateExecution execution) {
        return endsAt(requests.of(execution));
    }

    /** The holders and their managers, who may ask for an extension. */
    public List<String> holdersAndManagers(DelegateExecution execution) {
        return ends.holdersAndManagers(requests.of(execution)).stream()
                .map(DirectoryUser::id)
                .toList();
    }

    /** The groups of the request's last stage: a shortened approval, one stage. */
    public List<String> extensionApproverGroups(DelegateExecution execution) {
        return stages.finalApproverRoles(requests.of(execution).id()).stream()
                .map(AdminRole::groupId)
                .sorted()
                .toList();
    }

    /** For the forms: the product, its holders and the day it ends. */
    public String summary(DelegateExecution execution) {
        LicenseRequest request = requests.of(execution);
        String product = request.assignedProductName() == null ? request.productName() : request.assignedProductName();
        return FormText.plain(product + " of "
                + ends.holders(request).stream().map(DirectoryUser::displayName).collect(Words.and())
                + " ends on " + DAY.format(request.endsOn()) + ", as granted "
                + "by the license request of " + request.requesterName() + ".");
    }

    private static Date endsAt(LicenseRequest request) {
        return Date.from(request.endsOn().atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
