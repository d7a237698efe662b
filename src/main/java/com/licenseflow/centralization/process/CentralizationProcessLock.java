package com.licenseflow.centralization.process;

import com.licenseflow.centralization.Centralizations;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.workflow.ProcessLocks;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** A running centralization locks its product for the process instance running the campaign. */
@Component
public class CentralizationProcessLock implements ProcessLocks.Lock {

    private final Centralizations centralizations;
    private final CentralizationStepContext steps;

    CentralizationProcessLock(Centralizations centralizations, CentralizationStepContext steps) {
        this.centralizations = centralizations;
        this.steps = steps;
    }

    /** {@code product}: the product's id or name, as an admin gives it. */
    @Override
    public Optional<String> holder(Actor actor, String product) {
        return centralizations.runningProcess(actor, product);
    }

    @Override
    public void release(String processInstanceId, String why) {
        centralizations
                .ofProcessInstance(processInstanceId)
                .ifPresent(campaign -> centralizations.abandon(
                        steps.context(processInstanceId, "centralization given up: " + why), campaign.id()));
    }
}
