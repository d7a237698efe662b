package com.licenseflow.selfservice;

import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.workflow.StartableProcess;
import java.util.Set;
import org.springframework.stereotype.Component;

/** processes/self-service-cancellation.bpmn (S5): anyone may have bought a subscription themselves. */
@Component
class SelfServiceCancellationProcess implements StartableProcess {

    public static final String KEY = "self-service-cancellation";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Set<AdminRole> startedBy() {
        return Set.of();
    }
}
