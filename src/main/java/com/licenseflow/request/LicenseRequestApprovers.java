package com.licenseflow.request;

import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryUser;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * R11: who reviews license requests. The sources say global administrators; newer guidance also
 * allows license and user administrators, so the roles are configuration
 * ({@code licenseflow.license-requests.approver-roles}).
 */
@Component
public class LicenseRequestApprovers {

    private final Set<AdminRole> roles;
    private final AccessPolicy access;
    private final DirectoryRepository directory;

    public LicenseRequestApprovers(LicenseRequestSettings config,
                                   AccessPolicy access, DirectoryRepository directory) {
        this.roles = EnumSet.copyOf(config.approverRoles());
        this.access = access;
        this.directory = directory;
    }

    public Set<AdminRole> roles() {
        return EnumSet.copyOf(roles);
    }

    public void requireApprover(Actor actor) {
        access.requireOneOf(actor, "review license requests", roles.toArray(AdminRole[]::new));
    }

    /** Everyone who may review, e.g. to remind them. */
    public List<DirectoryUser> approvers() {
        return directory.withAnyRole(roles);
    }
}
