package com.licenseflow.inventory.catalog;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licenseflow.catalog.*}: Microsoft's product catalog.
 *
 * @param importFile Microsoft's "Product names and service plan identifiers for licensing" CSV, imported at
 *                   every start (after the demo data) when set; a file that cannot be imported stops the start
 *                   with the lines that are wrong. Unset, nothing is imported at start
 *                   ({@code POST /api/catalog/import} imports one at any time).
 */
@ConfigurationProperties("licenseflow.catalog")
public record CatalogSettings(Path importFile) {}
