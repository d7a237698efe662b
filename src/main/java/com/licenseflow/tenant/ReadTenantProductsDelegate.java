package com.licenseflow.tenant;

import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Reads the tenant's products and seats (GET /subscribedSkus) into the inventory, in the job's transaction. */
@Component("readTenantProducts")
@ProcessBean
class ReadTenantProductsDelegate implements JavaDelegate {

    private final TenantProducts products;

    ReadTenantProductsDelegate(TenantProducts products) {
        this.products = products;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TenantProducts.Read read = products.read(execution.getProcessInstanceId());
        execution.setVariable("productsRead", read.products());
        execution.setVariable("productsAdded", read.added());
        execution.setVariable("seatChanges", read.seatChanges());
    }
}
