package com.licenseflow.takeover.process;

import static com.licenseflow.takeover.process.TakeoverVariables.MORE_USERS_TO_MOVE;
import static com.licenseflow.takeover.process.TakeoverVariables.MOVE_CHUNK_SIZE;
import static com.licenseflow.takeover.process.TakeoverVariables.MOVE_PROGRESS;
import static com.licenseflow.takeover.process.TakeoverVariables.USERS_MOVED;
import static com.licenseflow.takeover.process.TakeoverVariables.USERS_TO_MOVE;

import com.licenseflow.takeover.MoveProgress;
import com.licenseflow.takeover.TakeoverMove;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Move next chunk": one job per chunk (asyncBefore), each its own transaction. The engine's work
 * per chunk is the same whatever the chunk holds; the users themselves are moved by set-based SQL
 * in the domain, and only counts go into process variables.
 */
@Component("moveNextChunk")
@ProcessBean
class MoveNextChunkDelegate implements JavaDelegate {

    private final TakeoverMove move;
    private final TakeoverStepContext steps;

    MoveNextChunkDelegate(TakeoverMove move, TakeoverStepContext steps) {
        this.move = move;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int chunkSize = (int) FormValues.requiredLong(execution, MOVE_CHUNK_SIZE, "the chunk size");
        showProgress(
                execution,
                move.moveNextChunk(
                        steps.context(execution, "users moved to a central subscription"),
                        steps.takeoverId(execution),
                        chunkSize));
    }

    /** The counts Cockpit shows while the move runs. */
    static void showProgress(DelegateExecution execution, MoveProgress progress) {
        execution.setVariable(USERS_MOVED, progress.moved());
        execution.setVariable(USERS_TO_MOVE, progress.total());
        execution.setVariable(MORE_USERS_TO_MOVE, progress.more());
        execution.setVariable(MOVE_PROGRESS, progress.moved() + " of " + progress.total() + " users moved");
    }
}
