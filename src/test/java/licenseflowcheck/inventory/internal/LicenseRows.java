package licenseflowcheck.inventory.internal;

/** An internal of the sample inventory that another module must not use. */
public class LicenseRows {}
