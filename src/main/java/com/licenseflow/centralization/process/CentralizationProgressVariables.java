package com.licenseflow.centralization.process;

import static com.licenseflow.centralization.process.CentralizationVariables.CENTRALIZATION_PROGRESS;
import static com.licenseflow.centralization.process.CentralizationVariables.SUBSCRIPTIONS_CANCELLED;
import static com.licenseflow.centralization.process.CentralizationVariables.SUBSCRIPTIONS_TOTAL;
import static com.licenseflow.centralization.process.CentralizationVariables.USERS_CENTRALIZED;
import static com.licenseflow.centralization.process.CentralizationVariables.USERS_FOUND;

import com.licenseflow.centralization.CentralizationProgress;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * The counts Cockpit shows for a campaign, on the process instance. Written only by steps that run
 * one at a time per instance (the start, jobs, "Plan centralization"), never by two branches at once.
 */
final class CentralizationProgressVariables {

    private CentralizationProgressVariables() {}

    static void show(DelegateExecution execution, CentralizationProgress progress) {
        DelegateExecution instance = execution.getProcessInstance();
        instance.setVariable(USERS_FOUND, progress.usersFound());
        instance.setVariable(USERS_CENTRALIZED, progress.usersCentralized());
        instance.setVariable(SUBSCRIPTIONS_TOTAL, progress.subscriptionsTotal());
        instance.setVariable(SUBSCRIPTIONS_CANCELLED, progress.subscriptionsCancelled());
        instance.setVariable(CENTRALIZATION_PROGRESS, progress.text());
    }
}
