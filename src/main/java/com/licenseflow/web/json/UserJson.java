package com.licenseflow.web.json;

import com.licenseflow.domain.access.AdminRole;
import com.licenseflow.domain.directory.DirectoryUser;
import java.util.Set;
import java.util.TreeSet;

public record UserJson(String id, String displayName, String email, String type, String usageLocation,
                       Set<AdminRole> roles) {

    public static UserJson of(DirectoryUser u) {
        return u == null ? null : new UserJson(u.id(), u.displayName(), u.email(), u.type().name(), u.usageLocation(),
                new TreeSet<>(u.roles()));
    }
}
