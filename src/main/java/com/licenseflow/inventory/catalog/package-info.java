/**
 * Part of the inventory other modules may use.
 */
@NamedInterface("catalog")
package com.licenseflow.inventory.catalog;

import org.springframework.modulith.NamedInterface;
