package com.licenseflow.centralization.process;


import static com.licenseflow.centralization.process.CentralizationVariables.NEW_PURCHASES;

import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.centralization.CentralizationProgress;
import com.licenseflow.centralization.Centralizations;
import com.licenseflow.centralization.CentralizationMails;
import com.licenseflow.notification.NotificationService;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps after every purchase's branch has ended: another round for new purchases, or the end. */
@Configuration
public class CampaignEndSteps {

    /** Self-service purchases of the product made while the campaign ran join it for another round of planning. */
    @Bean
    @ProcessBean
    public JavaDelegate gatherNewPurchases(Centralizations centralizations, CentralizationStepContext steps) {
        return execution -> {
            long id = steps.centralizationId(execution);
            int added = centralizations.gatherNewPurchases(steps.context(execution,
                    "self-service purchases made during the centralization"), id);
            execution.setVariable(NEW_PURCHASES, added);
            CentralizationProgressVariables.show(execution, centralizations.progress(id));
        };
    }

    /** Every purchase is Deleted: the campaign is complete, the product unlocked, the admin's summary recorded. */
    @Bean
    @ProcessBean
    public JavaDelegate completeCentralization(Centralizations centralizations, CentralizationStepContext steps,
                                               CentralizationMails mails, NotificationService notifications) {
        return execution -> {
            long id = steps.centralizationId(execution);
            ChangeContext context = steps.context(execution, "every self-service purchase cancelled");
            CentralizationProgress progress = centralizations.complete(context, id);
            CentralizationProgressVariables.show(execution, progress);
            notifications.record(mails.summary(id, context.actorId(), progress));
        };
    }
}
