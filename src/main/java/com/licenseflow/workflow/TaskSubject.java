package com.licenseflow.workflow;

import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What the tasks of one process are about, in words, declared by the module that owns the process: Tasklist then
 * lists "Approve license request: Business Standard for Liam de Boer" instead of the step's name alone.
 */
public interface TaskSubject {

    /** The BPMN process ids whose tasks this names. */
    Set<String> processKeys();

    /** "Business Standard for Liam de Boer"; empty when the task is about nothing more than its name says. */
    Optional<String> of(DelegateTask task);
}
