package com.licenseflow.workflow;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A process step refused what a caller put into the process: a step started on its own (start
 * instructions, instance modification) without the decision it acts on, an id that belongs to
 * another instance, a variable naming someone other than the logged-in user. A
 * {@link BadUserRequestException}, so both engine REST APIs answer 400 with this message, the
 * change is rolled back whole, and a job that meets it becomes an incident saying why.
 */
public class UntrustedProcessInput extends BadUserRequestException {

    public UntrustedProcessInput(String message) {
        super(message);
    }
}
