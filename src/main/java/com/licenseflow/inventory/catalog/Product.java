package com.licenseflow.inventory.catalog;

import com.licenseflow.inventory.policy.SelfServicePolicy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A product (SKU) with the service plans a license of it brings. Prices are per seat per month. The id is
 * Microsoft's part number (e.g. SPB); {@code skuId} is the GUID Microsoft Graph names it by, where known.
 */
public record Product(
        String id,
        String name,
        BigDecimal listPricePerSeat,
        SelfServicePolicy selfServicePolicy,
        List<ServicePlan> servicePlans,
        String skuId) {

    public Product(
            String id,
            String name,
            BigDecimal listPricePerSeat,
            SelfServicePolicy selfServicePolicy,
            List<ServicePlan> servicePlans) {
        this(id, name, listPricePerSeat, selfServicePolicy, servicePlans, null);
    }

    public Set<String> planIds() {
        return servicePlans.stream().map(ServicePlan::id).collect(Collectors.toSet());
    }
}
