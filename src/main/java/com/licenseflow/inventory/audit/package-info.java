/**
 * Part of the inventory other modules may use.
 */
@NamedInterface("audit")
package com.licenseflow.inventory.audit;

import org.springframework.modulith.NamedInterface;
