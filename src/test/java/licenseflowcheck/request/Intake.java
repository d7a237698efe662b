package licenseflowcheck.request;

import licenseflowcheck.inventory.Ledger;
import licenseflowcheck.inventory.internal.LicenseRows;

/** A sample module that uses the inventory's face (allowed) and reaches into its internals (refused). */
public class Intake {

    Ledger ledger;
    LicenseRows rows;
}
