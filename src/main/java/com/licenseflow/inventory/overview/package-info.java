/**
 * Part of the inventory other modules may use.
 */
@NamedInterface("overview")
package com.licenseflow.inventory.overview;

import org.springframework.modulith.NamedInterface;
