package com.licenseflow.config;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * The jobs a node holds carry its name ({@code LOCK_OWNER_} in {@code ACT_RU_JOB}), not a random
 * id, so an operator sees which node holds or last held what.
 */
@Component
class NodeJobLockOwner extends AbstractProcessEnginePlugin {

    private final NodeSettings node;

    public NodeJobLockOwner(NodeSettings node) {
        this.node = node;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getJobExecutor() != null) {
            configuration.getJobExecutor().setLockOwner(node.id());
        }
    }
}
