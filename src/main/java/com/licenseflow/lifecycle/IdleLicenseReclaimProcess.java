package com.licenseflow.lifecycle;

import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.workflow.EmployeeTasks;
import com.licenseflow.workflow.StartableProcess;
import java.util.Set;
import org.springframework.stereotype.Component;

/** processes/license-reclaim.bpmn: on its schedule, or started by a License admin for one product or all. */
@Component
public class IdleLicenseReclaimProcess implements StartableProcess, EmployeeTasks {

    public static final String KEY = "license-reclaim";
    /** The message start event a run started by an admin begins at (a model has one none or timer start event). */
    public static final String REQUESTED = "license-reclaim-requested";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Set<AdminRole> startedBy() {
        return Set.of(AdminRole.GLOBAL_ADMIN, AdminRole.LICENSE_ADMIN);
    }
}
