package com.licenseflow.workflow.centralization;

import com.licenseflow.domain.centralization.CentralizationRepository;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The collection "Ask each purchaser to cancel" runs one branch for: the campaign's subscriptions
 * whose purchaser was not asked yet. Read from the database when the branches start, so no list
 * of ids is kept in a process variable.
 */
@Component("centralizationBranches")
public class CentralizationBranches {

    private final CentralizationRepository campaigns;

    public CentralizationBranches(CentralizationRepository campaigns) {
        this.campaigns = campaigns;
    }

    public List<Long> subscriptionIds(Object centralizationId) {
        return campaigns.notAsked(Long.parseLong(String.valueOf(centralizationId)));
    }
}
