package com.licenseflow.centralization.process;

import static com.licenseflow.centralization.process.CentralizationVariables.CENTRALIZATION_ADMIN_ID;
import static com.licenseflow.centralization.process.CentralizationVariables.CENTRALIZATION_ID;
import static com.licenseflow.centralization.process.CentralizationVariables.CENTRALIZATION_STARTED_BY;
import static com.licenseflow.centralization.process.CentralizationVariables.CHUNK_SIZE;
import static com.licenseflow.centralization.process.CentralizationVariables.PRODUCT;
import static com.licenseflow.centralization.process.CentralizationVariables.PRODUCT_ID;
import static com.licenseflow.centralization.process.CentralizationVariables.PRODUCT_NAME;

import com.licenseflow.centralization.Centralization;
import com.licenseflow.centralization.CentralizationSettings;
import com.licenseflow.centralization.Centralizations;
import com.licenseflow.inventory.ChunkedMove;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.ProcessDecisions;
import com.licenseflow.workflow.ProcessLocks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Starts the campaign: checks the admin's role and the product (known, bought self-service, not
 * being centralized already), gathers the purchases and their users and locks the product. Runs in
 * the start transaction, so a refusal fails the start with its message and nothing is started.
 */
@Component("gatherSelfServicePurchases")
@ProcessBean
class GatherSelfServicePurchasesDelegate implements JavaDelegate {

    private final Centralizations centralizations;
    private final ProcessLocks locks;
    private final CentralizationProcessLock lock;
    private final Directory directory;
    private final ProductCatalog catalog;
    private final ProcessDecisions decisions;
    private final int defaultChunkSize;

    GatherSelfServicePurchasesDelegate(
            Centralizations centralizations,
            ProcessLocks locks,
            CentralizationProcessLock lock,
            Directory directory,
            ProductCatalog catalog,
            ProcessDecisions decisions,
            CentralizationSettings config) {
        this.centralizations = centralizations;
        this.locks = locks;
        this.lock = lock;
        this.directory = directory;
        this.catalog = catalog;
        this.decisions = decisions;
        this.defaultChunkSize = config.chunkSize();
    }

    @Override
    public void execute(DelegateExecution execution) {
        String admin = decisions.recordStart(
                execution, "centralize self-service purchases", CENTRALIZATION_ADMIN_ID, CENTRALIZATION_STARTED_BY);
        Long chunkSize = FormValues.optionalLong(execution, CHUNK_SIZE, "the chunk size");
        int chunk = chunkSize == null ? defaultChunkSize : chunkSize.intValue();
        ChunkedMove.requireChunkSize(chunk, CHUNK_SIZE);
        Actor actor = directory.actor(admin);
        String productText = FormValues.string(execution, PRODUCT);
        locks.releaseOrphaned(lock, actor, productText);
        Centralization campaign = centralizations.start(
                ChangeContext.byProcess(actor, "centralization started", execution.getProcessInstanceId()),
                productText);
        Product product = catalog.require(campaign.productId());
        execution.setProcessBusinessKey("centralization-" + campaign.id());
        execution.setVariable(CENTRALIZATION_ID, campaign.id());
        execution.setVariable(PRODUCT_ID, product.id());
        execution.setVariable(PRODUCT_NAME, product.name());
        execution.setVariable(CHUNK_SIZE, chunk);
        CentralizationProgressVariables.show(execution, centralizations.progress(campaign.id()));
    }
}
