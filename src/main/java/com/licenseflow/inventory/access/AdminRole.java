package com.licenseflow.inventory.access;

/** The admin-center roles that matter to licensing (A9, A6, S3, R11). */
public enum AdminRole {
    GLOBAL_ADMIN("Global administrator", "global-admins"),
    LICENSE_ADMIN("License administrator", "license-admins"),
    USER_ADMIN("User administrator", "user-admins"),
    BILLING_ADMIN("Billing administrator", "billing-admins");

    private final String title;
    private final String groupId;

    AdminRole(String title, String groupId) {
        this.title = title;
        this.groupId = groupId;
    }

    public String title() {
        return title;
    }

    /** The Camunda group whose members hold the role: candidate groups of tasks, start rights, Cockpit rights. */
    public String groupId() {
        return groupId;
    }
}
