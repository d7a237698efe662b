package com.licenseflow.inventory.access;

/** The admin-center roles that matter to licensing (A9, A6, S3, R11). */
public enum AdminRole {
    GLOBAL_ADMIN("Global administrator"),
    LICENSE_ADMIN("License administrator"),
    USER_ADMIN("User administrator"),
    BILLING_ADMIN("Billing administrator");

    private final String title;

    AdminRole(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
