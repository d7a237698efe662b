/**
 * Part of the inventory other modules may use.
 */
@NamedInterface("directory")
package com.licenseflow.inventory.directory;

import org.springframework.modulith.NamedInterface;
