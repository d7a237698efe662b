package com.licenseflow.centralization.process;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.centralization.Centralizations;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Before a campaign starts: a product lock whose process instance no longer runs (deleted while
 * skipping the process's end listener, which otherwise releases it) is released, so a product never
 * stays locked for good.
 */
@Component
public class OrphanedCentralizations {

    private final Centralizations centralizations;
    private final ProductCatalog catalog;
    private final RuntimeService runtime;

    public OrphanedCentralizations(Centralizations centralizations, ProductCatalog catalog, RuntimeService runtime) {
        this.centralizations = centralizations;
        this.catalog = catalog;
        this.runtime = runtime;
    }

    /** For the product named by {@code productText} (its id or name); nothing for an unknown product. */
    public void release(Actor actor, String productText) {
        catalog.findByIdOrName(productText == null ? "" : productText.trim()).ifPresent(product ->
                centralizations.releaseOrphaned(ChangeContext.byUser(actor, "lock of a centralization whose process "
                        + "no longer runs released"), product.id(),
                        id -> runtime.createProcessInstanceQuery().processInstanceId(id).count() > 0));
    }
}
