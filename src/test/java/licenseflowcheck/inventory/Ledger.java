package licenseflowcheck.inventory;

/** The sample inventory's public face. */
public class Ledger {}
