package com.licenseflow.inventory.web;

import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.directory.DirectoryUser;
import java.util.Set;
import java.util.TreeSet;

/** A person of the directory; {@code managerId} and {@code department} are what the approval policy reads. */
public record UserJson(
        String id,
        String displayName,
        String email,
        String type,
        String usageLocation,
        Set<AdminRole> roles,
        String managerId,
        String department) {

    public static UserJson of(DirectoryUser u) {
        return u == null
                ? null
                : new UserJson(
                        u.id(),
                        u.displayName(),
                        u.email(),
                        u.type().name(),
                        u.usageLocation(),
                        new TreeSet<>(u.roles()),
                        u.managerId(),
                        u.department());
    }
}
