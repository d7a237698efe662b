package com.licenseflow.request;

import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.workflow.StartableProcess;
import java.util.Set;
import org.springframework.stereotype.Component;

/** processes/license-request.bpmn (R1): anyone may ask for a license. */
@Component
public class LicenseRequestProcess implements StartableProcess {

    public static final String KEY = "license-request";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Set<AdminRole> startedBy() {
        return Set.of();
    }
}
