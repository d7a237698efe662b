/**
 * Part of the inventory other modules may use.
 */
@NamedInterface("web")
package com.licenseflow.inventory.web;

import org.springframework.modulith.NamedInterface;
