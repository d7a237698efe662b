package com.licenseflow.request.process;

import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.request.LicenseRequestApprovers;
import com.licenseflow.workflow.ProcessBean;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The Tasklist candidate groups of "Review license request": the groups of the configured approver roles. */
@Component("licenseRequestReviewers")
@ProcessBean
public class LicenseRequestReviewers {

    private final LicenseRequestApprovers approvers;

    public LicenseRequestReviewers(LicenseRequestApprovers approvers) {
        this.approvers = approvers;
    }

    public String getCandidateGroups() {
        return approvers.roles().stream().map(AdminRole::groupId).sorted().collect(Collectors.joining(","));
    }
}
