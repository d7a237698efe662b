package com.licenseflow.request.process;

import static com.licenseflow.request.process.RequestVariables.ACTIVITY_APPROVE_AT_STAGE;

import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.request.ApprovalStages;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A stage before the last approved: recorded in the name of whoever just completed the stage's task
 * (refused, with the task kept open, unless the stage waits for them and the request neither comes
 * from nor names them), and the request moves on to its next stage.
 */
@Component("recordStageApproval")
@ProcessBean
class RecordStageApprovalDelegate implements JavaDelegate {

    private final ApprovalStages stages;
    private final LicenseRequestOfInstance requests;
    private final ProcessDecisions decisions;
    private final Directory directory;

    RecordStageApprovalDelegate(
            ApprovalStages stages, LicenseRequestOfInstance requests, ProcessDecisions decisions, Directory directory) {
        this.stages = stages;
        this.requests = requests;
        this.decisions = decisions;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String approver =
                decisions.require(execution, ACTIVITY_APPROVE_AT_STAGE).userId();
        ReviewDecisionVariables.readStage(execution);
        stages.decide(requests.of(execution).id(), directory.actor(approver), true);
        ReviewDecisionVariables.forgetStage(execution);
    }
}
