/**
 * Part of the inventory other modules may use.
 */
@NamedInterface("assignment")
package com.licenseflow.inventory.assignment;

import org.springframework.modulith.NamedInterface;
