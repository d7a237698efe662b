/**
 * Part of the inventory other modules may use.
 */
@NamedInterface("subscription")
package com.licenseflow.inventory.subscription;

import org.springframework.modulith.NamedInterface;
