package com.licenseflow.inventory.web;

import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ServicePlan;
import java.math.BigDecimal;
import java.util.List;

record ProductJson(
        String id,
        String skuId,
        String name,
        BigDecimal listPricePerSeatPerMonth,
        String selfServicePolicy,
        List<ServicePlan> servicePlans) {

    public static ProductJson of(Product p) {
        return new ProductJson(
                p.id(),
                p.skuId(),
                p.name(),
                p.listPricePerSeat(),
                p.selfServicePolicy().value(),
                p.servicePlans());
    }
}
