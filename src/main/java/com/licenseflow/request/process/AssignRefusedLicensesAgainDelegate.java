package com.licenseflow.request.process;

import static com.licenseflow.request.process.RequestVariables.ACTIVITY_RESOLVE_REFUSED_LICENSES;
import static com.licenseflow.request.process.RequestVariables.SOURCE_SUBSCRIPTION_ID;

import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.request.RefusedLicenses;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The admin fixed what Microsoft 365 refused (bought licenses, set a usage location): the refused users are assigned
 * the approved license again, in the admin's name, and the request waits for Microsoft 365's answer once more. Too
 * few seats in LicenseFlow by now keeps the task open with the reason.
 */
@Component("assignRefusedLicensesAgain")
@ProcessBean
class AssignRefusedLicensesAgainDelegate implements JavaDelegate {

    private final RefusedLicenses refused;
    private final LicensesInMicrosoft365 microsoft;
    private final LicenseRequestOfInstance requests;
    private final ProcessDecisions decisions;
    private final Directory directory;

    AssignRefusedLicensesAgainDelegate(
            RefusedLicenses refused,
            LicensesInMicrosoft365 microsoft,
            LicenseRequestOfInstance requests,
            ProcessDecisions decisions,
            Directory directory) {
        this.refused = refused;
        this.microsoft = microsoft;
        this.requests = requests;
        this.decisions = decisions;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String resolver =
                decisions.require(execution, ACTIVITY_RESOLVE_REFUSED_LICENSES).userId();
        ChangeContext context = ChangeContext.byProcess(
                directory.actor(resolver),
                "license request approved; Microsoft 365 asked again after it refused",
                execution.getProcessInstanceId());
        refused.askAgain(
                context,
                requests.of(execution).id(),
                microsoft.refusedUserIds(execution),
                FormValues.optionalLong(execution, SOURCE_SUBSCRIPTION_ID, "the subscription to assign from"));
    }
}
