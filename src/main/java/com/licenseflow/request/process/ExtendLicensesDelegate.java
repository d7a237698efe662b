package com.licenseflow.request.process;

import static com.licenseflow.request.process.RequestVariables.ACTIVITY_APPROVE_EXTENSION;
import static com.licenseflow.request.process.RequestVariables.ACTIVITY_ASK_FOR_EXTENSION;
import static com.licenseflow.request.process.RequestVariables.EXTEND_UNTIL;

import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.request.LicenseEnds;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import com.licenseflow.workflow.UntrustedProcessInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The extension was approved: the licenses now end on the day asked for, in the name of whoever
 * just approved it (refused, task kept open, for anyone without the role of the request's last
 * stage, or who asked, made the request or holds a license).
 */
@Component("extendLicenses")
@ProcessBean
class ExtendLicensesDelegate implements JavaDelegate {

    private final LicenseEnds ends;
    private final LicenseRequestOfInstance requests;
    private final ProcessDecisions decisions;
    private final Directory directory;

    ExtendLicensesDelegate(
            LicenseEnds ends, LicenseRequestOfInstance requests, ProcessDecisions decisions, Directory directory) {
        this.ends = ends;
        this.requests = requests;
        this.decisions = decisions;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String approver =
                decisions.require(execution, ACTIVITY_APPROVE_EXTENSION).userId();
        String asker = decisions
                .lastDecider(execution.getProcessInstanceId(), ACTIVITY_ASK_FOR_EXTENSION)
                .orElseThrow(() -> new UntrustedProcessInput("Nobody asked for this extension."));
        ends.extend(
                ChangeContext.byProcess(
                        directory.actor(approver), "license extended", execution.getProcessInstanceId()),
                requests.of(execution).id(),
                ExtensionVariables.until(FormValues.string(execution, EXTEND_UNTIL)),
                asker);
        ExtensionVariables.forget(execution);
    }
}
