package com.licenseflow.centralization;

import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.workflow.StartableProcess;
import java.util.Set;
import org.springframework.stereotype.Component;

/** processes/license-centralization.bpmn (S5): it buys seats and cancels purchases, billing matters. */
@Component
public class CentralizationProcess implements StartableProcess {

    public static final String KEY = "license-centralization";
    /** The message a purchase's branch waits for; its name ends in the subscription id (an expression in the model). */
    public static final String SUBSCRIPTION_CANCELLED_MESSAGE_PREFIX = "centralized-subscription-cancelled-";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Set<AdminRole> startedBy() {
        return Set.of(AdminRole.GLOBAL_ADMIN, AdminRole.BILLING_ADMIN);
    }
}
