package com.licenseflow.identity;

import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.directory.DirectoryUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Camunda groups that mirror the directory: one per admin role, plus employees and Camunda's own admins. */
public final class CamundaGroups {

    public static final String GLOBAL_ADMINS = AdminRole.GLOBAL_ADMIN.groupId();
    public static final String LICENSE_ADMINS = AdminRole.LICENSE_ADMIN.groupId();
    public static final String USER_ADMINS = AdminRole.USER_ADMIN.groupId();
    public static final String BILLING_ADMINS = AdminRole.BILLING_ADMIN.groupId();
    public static final String EMPLOYEES = "employees";
    /** Camunda's own administrators: full rights in Cockpit, Tasklist and Admin. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    static final Map<String, String> NAMES = Map.of(
            GLOBAL_ADMINS, "Global administrators",
            LICENSE_ADMINS, "License administrators",
            USER_ADMINS, "User administrators",
            BILLING_ADMINS, "Billing administrators",
            EMPLOYEES, "Employees",
            CAMUNDA_ADMIN, "Camunda administrators");

    static final List<String> ADMIN_GROUPS = List.of(GLOBAL_ADMINS, LICENSE_ADMINS, USER_ADMINS, BILLING_ADMINS);

    private CamundaGroups() {}

    /** Members are employees; each role adds its group; global admins also administer Camunda. */
    public static List<String> memberships(DirectoryUser user) {
        List<String> groups = new ArrayList<>();
        if (!user.isGuest()) {
            groups.add(EMPLOYEES);
        }
        user.roles().forEach(role -> groups.add(role.groupId()));
        if (user.roles().contains(AdminRole.GLOBAL_ADMIN)) {
            groups.add(CAMUNDA_ADMIN);
        }
        return groups;
    }
}
