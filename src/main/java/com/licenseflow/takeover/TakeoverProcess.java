package com.licenseflow.takeover;

import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.workflow.StartableProcess;
import java.util.Set;
import org.springframework.stereotype.Component;

/** processes/subscription-takeover.bpmn (S4): taking a subscription over is a billing matter. */
@Component
public class TakeoverProcess implements StartableProcess {

    public static final String KEY = "subscription-takeover";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Set<AdminRole> startedBy() {
        return Set.of(AdminRole.GLOBAL_ADMIN, AdminRole.BILLING_ADMIN);
    }
}
