package com.licenseflow.lifecycle;

import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.workflow.EmployeeTasks;
import com.licenseflow.workflow.StartableProcess;
import java.util.Set;
import org.springframework.stereotype.Component;

/** processes/license-recertification.bpmn: a campaign a License or Global admin starts for one product or all. */
@Component
public class RecertificationProcess implements StartableProcess, EmployeeTasks {

    public static final String KEY = "license-recertification";
    /** The message start event a campaign begins at. */
    public static final String REQUESTED = "license-recertification-requested";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Set<AdminRole> startedBy() {
        return Set.of(AdminRole.GLOBAL_ADMIN, AdminRole.LICENSE_ADMIN);
    }
}
