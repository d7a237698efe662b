package com.licenseflow.centralization;

import com.licenseflow.centralization.process.CentralizationProcessLock;
import com.licenseflow.centralization.process.CentralizationVariables;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.workflow.ProcessLocks;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * S5 from the API and the console alike: starts a centralization campaign in the caller's name, the
 * domain's start rules checked first so a refusal is a rule in words and nothing is started.
 */
@Service
public class CentralizationStart {

    private final RuntimeService runtime;
    private final Centralizations centralizations;
    private final ProcessLocks locks;
    private final CentralizationProcessLock lock;

    public CentralizationStart(
            RuntimeService runtime,
            Centralizations centralizations,
            ProcessLocks locks,
            CentralizationProcessLock lock) {
        this.runtime = runtime;
        this.centralizations = centralizations;
        this.locks = locks;
        this.lock = lock;
    }

    /** The new campaign's id. */
    public long start(Actor caller, String product) {
        locks.releaseOrphaned(lock, caller, product);
        centralizations.requireMayStart(caller, product);
        Map<String, Object> variables = new HashMap<>();
        variables.put(CentralizationVariables.PRODUCT, product);
        ProcessInstance started = runtime.startProcessInstanceByKey(CentralizationProcess.KEY, variables);
        return ((Number) runtime.getVariable(started.getId(), CentralizationVariables.CENTRALIZATION_ID)).longValue();
    }
}
