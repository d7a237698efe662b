package com.licenseflow.workflow;

/**
 * A process whose tasks reach employees who are no admin (a manager reviewing their team's licenses, a holder
 * asked about their license's end), declared by the module that owns it. They may read its definition, as Tasklist
 * needs to show the process's name and diagram with the task; the identity module grants exactly that.
 */
public interface EmployeeTasks {

    /** The BPMN process id. */
    String key();
}
