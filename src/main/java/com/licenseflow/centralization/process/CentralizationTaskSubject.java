package com.licenseflow.centralization.process;

import com.licenseflow.centralization.CentralizationProcess;
import com.licenseflow.centralization.Centralizations;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.workflow.TaskSubject;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** A centralization's tasks are about the product it centralizes: "Plan centralization: Power BI Pro". */
@Component
class CentralizationTaskSubject implements TaskSubject {

    private final Centralizations campaigns;
    private final ProductCatalog catalog;

    CentralizationTaskSubject(Centralizations campaigns, ProductCatalog catalog) {
        this.campaigns = campaigns;
        this.catalog = catalog;
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(CentralizationProcess.KEY);
    }

    @Override
    public Optional<String> of(DelegateTask task) {
        return campaigns
                .ofProcessInstance(task.getProcessInstanceId())
                .map(campaign -> catalog.require(campaign.productId()).name());
    }
}
