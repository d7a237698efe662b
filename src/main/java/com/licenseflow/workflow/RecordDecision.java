package com.licenseflow.workflow;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Record who decided": the complete listener of every user task whose completion is a decision.
 * It only records (who, which task, which instance); checks belong in the service task after it,
 * which runs in the same transaction - a refusal there keeps the task open and Tasklist shows the
 * domain's message as it is (Camunda wraps exceptions from task listeners in text of its own).
 */
@Component("recordDecision")
@ProcessBean
class RecordDecision implements TaskListener {

    private final ProcessDecisions decisions;

    RecordDecision(ProcessDecisions decisions) {
        this.decisions = decisions;
    }

    @Override
    public void notify(DelegateTask task) {
        decisions.recordCompletion(task);
    }
}
