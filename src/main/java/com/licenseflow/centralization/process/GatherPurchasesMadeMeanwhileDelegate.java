package com.licenseflow.centralization.process;

import static com.licenseflow.centralization.process.CentralizationVariables.NEW_PURCHASES;

import com.licenseflow.centralization.Centralizations;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Self-service purchases of the product made while the campaign ran join it for another round of planning. */
@Component("gatherPurchasesMadeMeanwhile")
@ProcessBean
class GatherPurchasesMadeMeanwhileDelegate implements JavaDelegate {

    private final Centralizations centralizations;
    private final CentralizationStepContext steps;

    GatherPurchasesMadeMeanwhileDelegate(Centralizations centralizations, CentralizationStepContext steps) {
        this.centralizations = centralizations;
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = steps.centralizationId(execution);
        int added = centralizations.gatherNewPurchases(
                steps.context(execution, "self-service purchases made during the centralization"), id);
        execution.setVariable(NEW_PURCHASES, added);
        CentralizationProgressVariables.show(execution, centralizations.progress(id));
    }
}
