/**
 * Part of the inventory other modules may use.
 */
@NamedInterface("access")
package com.licenseflow.inventory.access;

import org.springframework.modulith.NamedInterface;
