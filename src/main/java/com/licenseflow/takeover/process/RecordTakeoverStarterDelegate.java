package com.licenseflow.takeover.process;

import static com.licenseflow.takeover.process.TakeoverVariables.TAKEOVER_ADMIN_ID;
import static com.licenseflow.takeover.process.TakeoverVariables.TAKEOVER_STARTED_BY;

import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record takeover starter": the takeover acts for whoever started it, as the engine authenticated
 * them (or, called by another process, for whom that one acts). A start that names anyone else as
 * the admin is refused.
 */
@Component("recordTakeoverStarter")
@ProcessBean
class RecordTakeoverStarterDelegate implements JavaDelegate {

    private final ProcessDecisions decisions;

    RecordTakeoverStarterDelegate(ProcessDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        decisions.recordStart(execution, "take over subscriptions", TAKEOVER_ADMIN_ID, TAKEOVER_STARTED_BY);
    }
}
