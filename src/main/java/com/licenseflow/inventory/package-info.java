/**
 * Inventory: Products, subscriptions, seats, licenses, the directory and the audit trail; the one ledger that changes them.
 */
@ApplicationModule(displayName = "Inventory")
package com.licenseflow.inventory;

import org.springframework.modulith.ApplicationModule;
