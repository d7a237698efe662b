package com.licenseflow.request;

import com.licenseflow.inventory.catalog.Product;

/** R7: a product a request can be served from, with the central seats free right now. */
public record ServingProduct(Product product, int availableSeats) {}
