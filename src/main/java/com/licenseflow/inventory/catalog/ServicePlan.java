package com.licenseflow.inventory.catalog;

/**
 * One app or service inside a product, e.g. Exchange Online (Plan 1). The id is Microsoft's service plan
 * name (EXCHANGE_S_STANDARD); {@code guid} is the servicePlanId Microsoft Graph names it by, where known.
 */
public record ServicePlan(String id, String name, String guid) {

    public ServicePlan(String id, String name) {
        this(id, name, null);
    }
}
