package com.licenseflow.centralization.process;

import com.licenseflow.centralization.CentralizationMails;
import com.licenseflow.centralization.CentralizationProgress;
import com.licenseflow.centralization.Centralizations;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.notification.NotificationService;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Every purchase is Deleted: the campaign is complete, the product unlocked, the admin's summary recorded. */
@Component("completeCentralization")
@ProcessBean
class CompleteCentralizationDelegate implements JavaDelegate {

    private final Centralizations centralizations;
    private final CentralizationStepContext steps;
    private final CentralizationMails mails;
    private final NotificationService notifications;

    CompleteCentralizationDelegate(
            Centralizations centralizations,
            CentralizationStepContext steps,
            CentralizationMails mails,
            NotificationService notifications) {
        this.centralizations = centralizations;
        this.steps = steps;
        this.mails = mails;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = steps.centralizationId(execution);
        ChangeContext context = steps.context(execution, "every self-service purchase cancelled");
        CentralizationProgress progress = centralizations.complete(context, id);
        CentralizationProgressVariables.show(execution, progress);
        notifications.record(mails.summary(id, context.actorId(), progress));
    }
}
