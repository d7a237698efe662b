package com.licenseflow.request.process;

import static com.licenseflow.request.process.RequestVariables.ACTIVITY_ASK_FOR_EXTENSION;
import static com.licenseflow.request.process.RequestVariables.EXTEND_UNTIL;

import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.request.LicenseEnds;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Someone asked for an extension: refused, with the task kept open, unless they hold one of the
 * licenses or manage someone who does, and the day is after the current end and within three years.
 */
@Component("recordExtensionRequest")
@ProcessBean
class RecordExtensionRequestDelegate implements JavaDelegate {

    private final LicenseEnds ends;
    private final LicenseRequestOfInstance requests;
    private final ProcessDecisions decisions;
    private final Directory directory;

    RecordExtensionRequestDelegate(
            LicenseEnds ends, LicenseRequestOfInstance requests, ProcessDecisions decisions, Directory directory) {
        this.ends = ends;
        this.requests = requests;
        this.decisions = decisions;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String asker = decisions.require(execution, ACTIVITY_ASK_FOR_EXTENSION).userId();
        ends.requireMayAsk(
                requests.of(execution),
                directory.actor(asker),
                ExtensionVariables.until(FormValues.string(execution, EXTEND_UNTIL)));
    }
}
