package com.licenseflow.lifecycle.process;

import com.licenseflow.lifecycle.IdleLicenseReclaim;
import com.licenseflow.lifecycle.LifecycleSettings.WhenUnanswered;
import com.licenseflow.workflow.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The campaign as "Record recertification starter" checked it, for "Gather licenses to recertify". */
final class RecertificationVariables {

    static final String DEADLINE_DAYS = "deadlineDays";
    static final String WHEN_UNANSWERED = "whenUnanswered";
    static final String CAMPAIGN_PRODUCT_ID = "campaignProductId";
    static final String CAMPAIGN_DEADLINE_DAYS = "campaignDeadlineDays";
    static final String CAMPAIGN_WHEN_UNANSWERED = "campaignWhenUnanswered";
    static final String ACTIVITY_RECERTIFY_LICENSES = "Activity_RecertifyLicenses";

    private RecertificationVariables() {}

    static void set(DelegateExecution execution, IdleLicenseReclaim.Campaign campaign) {
        execution.setVariable(CAMPAIGN_PRODUCT_ID, campaign.productId());
        execution.setVariable(CAMPAIGN_DEADLINE_DAYS, campaign.deadlineDays());
        execution.setVariable(
                CAMPAIGN_WHEN_UNANSWERED, campaign.whenUnanswered().name());
    }

    static IdleLicenseReclaim.Campaign get(DelegateExecution execution) {
        return new IdleLicenseReclaim.Campaign(
                FormValues.string(execution, CAMPAIGN_PRODUCT_ID),
                (int) FormValues.requiredLong(execution, CAMPAIGN_DEADLINE_DAYS, "the days to answer"),
                WhenUnanswered.valueOf(FormValues.string(execution, CAMPAIGN_WHEN_UNANSWERED)));
    }
}
