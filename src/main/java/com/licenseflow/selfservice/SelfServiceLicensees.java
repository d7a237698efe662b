package com.licenseflow.selfservice;

import com.licenseflow.inventory.catalog.Product;
import java.util.List;

/**
 * S2: everyone licensed through self-service purchases of one product, grouped by purchaser, with the
 * total quantity over all those purchases.
 */
public record SelfServiceLicensees(Product product, int totalQuantity, int assigned, List<PurchaserGroup> purchasers) {

    public int available() {
        return totalQuantity - assigned;
    }
}
