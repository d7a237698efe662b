package com.licenseflow.request;

import com.licenseflow.inventory.access.AdminRole;
import java.util.EnumSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * R11: the "request approvers" of the approval policy. The sources say global administrators;
 * newer guidance also allows license and user administrators, so the roles are configuration
 * ({@code licenseflow.license-requests.approver-roles}).
 */
@Component
public class LicenseRequestApprovers {

    private final Set<AdminRole> roles;

    public LicenseRequestApprovers(LicenseRequestSettings config) {
        this.roles = EnumSet.copyOf(config.approverRoles());
    }

    public Set<AdminRole> roles() {
        return EnumSet.copyOf(roles);
    }
}
