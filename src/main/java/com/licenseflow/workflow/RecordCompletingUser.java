package com.licenseflow.workflow;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A complete listener that remembers who completed the task, so the steps after it act in that
 * person's name. It only records: checks belong in the next service task, which runs in the same
 * transaction - a refusal there keeps the task open and Tasklist shows the domain's message as it
 * is (Camunda wraps exceptions from task listeners in text of its own).
 */
public class RecordCompletingUser implements TaskListener {

    private final IdentityService identity;
    private final String variable;
    private final String toDo;

    public RecordCompletingUser(IdentityService identity, String variable, String toDo) {
        this.identity = identity;
        this.variable = variable;
        this.toDo = toDo;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariable(variable, ActingUser.of(identity, toDo));
    }
}
