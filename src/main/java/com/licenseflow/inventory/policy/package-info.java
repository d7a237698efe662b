/**
 * Part of the inventory other modules may use.
 */
@NamedInterface("policy")
package com.licenseflow.inventory.policy;

import org.springframework.modulith.NamedInterface;
