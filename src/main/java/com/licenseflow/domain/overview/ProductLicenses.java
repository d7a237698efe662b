package com.licenseflow.domain.overview;

import com.licenseflow.domain.catalog.Product;

/** A2: one row of the Licenses view, summed over every subscription of the product. */
public record ProductLicenses(Product product, int subscriptions, int total, int assigned) {

    public int available() {
        return total - assigned;
    }
}
