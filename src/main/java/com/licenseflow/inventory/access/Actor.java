package com.licenseflow.inventory.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** Whoever asks the inventory for a change, with the admin roles the directory gives them. */
public record Actor(String userId, Set<AdminRole> roles) {

    public Actor {
        roles = roles.isEmpty() ? EnumSet.noneOf(AdminRole.class) : EnumSet.copyOf(roles);
    }

    public static Actor of(String userId, AdminRole... roles) {
        return new Actor(userId, roles.length == 0 ? Set.of() : EnumSet.copyOf(Arrays.asList(roles)));
    }

    public boolean hasAnyOf(AdminRole... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    public boolean isAdmin() {
        return !roles.isEmpty();
    }
}
