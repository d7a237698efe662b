package com.licenseflow.centralization.process;

import static com.licenseflow.centralization.process.CentralizationVariables.CHUNK_SIZE;
import static com.licenseflow.centralization.process.CentralizationVariables.MORE_USERS_TO_CENTRALIZE;
import static com.licenseflow.centralization.process.CentralizationVariables.USERS_CENTRALIZED;

import com.licenseflow.centralization.AssignmentProgress;
import com.licenseflow.centralization.Centralizations;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Assign next chunk": one job per chunk (asyncBefore), each its own transaction. The users are
 * centralized by set-based SQL in the domain; only counts go into process variables.
 */
@Component("assignNextChunk")
@ProcessBean
class AssignNextChunkDelegate implements JavaDelegate {

    private final Centralizations centralizations;
    private final CentralizationStepContext steps;

    AssignNextChunkDelegate(Centralizations centralizations, CentralizationStepContext steps) {
        this.centralizations = centralizations;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int chunkSize = (int) FormValues.requiredLong(execution, CHUNK_SIZE, "the chunk size");
        AssignmentProgress progress = centralizations.assignNextChunk(
                steps.context(execution, "central license instead of a self-service one"),
                steps.centralizationId(execution),
                chunkSize);
        execution.setVariable(USERS_CENTRALIZED, progress.centralized());
        execution.setVariable(MORE_USERS_TO_CENTRALIZE, progress.more());
        execution.setVariable(
                CentralizationVariables.CENTRALIZATION_PROGRESS,
                progress.handled() + " of " + progress.found() + " users handled, " + progress.centralized()
                        + " centralized");
    }
}
