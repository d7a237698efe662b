package com.licenseflow.request.process;

import static com.licenseflow.request.process.RequestVariables.ACTIVITY_RESOLVE_REFUSED_LICENSES;
import static com.licenseflow.request.process.RequestVariables.LEAVE_OUT;
import static com.licenseflow.request.process.RequestVariables.REFUSAL_RESOLUTION;

import com.licenseflow.request.RefusedLicenses;
import com.licenseflow.shared.Rule;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The users Microsoft 365 refused do not get the license after all: the request records them as denied (partly
 * approved, or denied when nobody is left), and the outcome emails tell them why.
 */
@Component("leaveRefusedUsersOut")
@ProcessBean
class LeaveRefusedUsersOutDelegate implements JavaDelegate {

    private final RefusedLicenses refused;
    private final LicensesInMicrosoft365 microsoft;
    private final LicenseRequestOfInstance requests;
    private final ProcessDecisions decisions;

    LeaveRefusedUsersOutDelegate(
            RefusedLicenses refused,
            LicensesInMicrosoft365 microsoft,
            LicenseRequestOfInstance requests,
            ProcessDecisions decisions) {
        this.refused = refused;
        this.microsoft = microsoft;
        this.requests = requests;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        decisions.require(execution, ACTIVITY_RESOLVE_REFUSED_LICENSES);
        if (!LEAVE_OUT.equals(execution.getVariable(REFUSAL_RESOLUTION))) {
            throw Rule.INVALID_INPUT.violation("Choose how to resolve the refused licenses: ask Microsoft 365 again, "
                    + "or leave these users out.");
        }
        refused.leaveOut(requests.of(execution).id(), microsoft.refusedUserIds(execution));
    }
}
