package com.licenseflow.centralization.process;

import com.licenseflow.centralization.CentralizationRepository;
import com.licenseflow.workflow.ProcessBean;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The collection "Ask each purchaser to cancel" runs one branch for: the campaign's subscriptions
 * whose purchaser was not asked yet. Read from the database when the branches start, so no list
 * of ids is kept in a process variable.
 */
@Component("centralizationBranches")
@ProcessBean
public class CentralizationBranches {

    private final CentralizationRepository campaigns;
    private final CentralizationStepContext steps;

    public CentralizationBranches(CentralizationRepository campaigns, CentralizationStepContext steps) {
        this.campaigns = campaigns;
        this.steps = steps;
    }

    public List<Long> subscriptionIds(DelegateExecution execution) {
        return campaigns.notAsked(steps.centralizationId(execution));
    }
}
