package com.licenseflow.inventory.overview;

import com.licenseflow.inventory.catalog.Product;

/** A2: one row of the Licenses view, summed over every subscription of the product. */
public record ProductLicenses(Product product, int subscriptions, int total, int assigned) {

    public int available() {
        return total - assigned;
    }
}
