package com.licenseflow.workflow;

import com.licenseflow.inventory.access.AdminRole;
import java.util.Set;

/**
 * A process people start from Tasklist or the API, declared by the module that owns it: its key
 * (the BPMN process id) and who may start it. The identity module grants exactly that.
 */
public interface StartableProcess {

    String key();

    /** The roles whose holders may start it; empty when every employee and admin may. */
    Set<AdminRole> startedBy();
}
