package com.licenseflow.lifecycle.process;

import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.lifecycle.IdleLicenseReclaim;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A License or Global admin started a campaign: its product, deadline and default checked and kept as
 * the campaign's own (whatever else the start carried); anyone else is refused, nothing started.
 */
@Component("recordRecertificationStarter")
@ProcessBean
class RecordRecertificationStarterDelegate implements JavaDelegate {

    private final IdleLicenseReclaim reclaim;
    private final ProcessDecisions decisions;
    private final Directory directory;

    RecordRecertificationStarterDelegate(IdleLicenseReclaim reclaim, ProcessDecisions decisions, Directory directory) {
        this.reclaim = reclaim;
        this.decisions = decisions;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String starter = decisions.recordStart(execution, "start a license recertification");
        Long days = FormValues.optionalLong(execution, RecertificationVariables.DEADLINE_DAYS, "the days to answer");
        IdleLicenseReclaim.Campaign campaign = reclaim.requireMayStartCampaign(
                directory.actor(starter),
                FormValues.string(execution, ReclaimVariables.PRODUCT),
                days == null ? null : days.intValue(),
                FormValues.string(execution, RecertificationVariables.WHEN_UNANSWERED));
        RecertificationVariables.set(execution, campaign);
    }
}
