package com.licenseflow.inventory.catalog;

/** One app or service inside a product, e.g. Exchange Online (Plan 1). */
public record ServicePlan(String id, String name) {
}
