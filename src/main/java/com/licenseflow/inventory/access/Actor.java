package com.licenseflow.inventory.access;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Whoever asks the inventory for a change, with the admin roles the directory gives them. */
public record Actor(String userId, Set<AdminRole> roles) {

    public Actor {
        roles = roles.isEmpty() ? EnumSet.noneOf(AdminRole.class) : EnumSet.copyOf(roles);
    }

    private static final Map<String, String> SYSTEM_NAMES = new ConcurrentHashMap<>();

    /**
     * Not a person but a part of LicenseFlow that changes things on its own (a timer, a policy, the tenant): its id
     * goes into the audit trail, its name is what pages show for it.
     */
    public static Actor system(String id, String name, AdminRole... roles) {
        SYSTEM_NAMES.put(id, name);
        return of(id, roles);
    }

    /** The name of a part of LicenseFlow that acted on its own, if {@code id} is one. */
    public static Optional<String> systemName(String id) {
        return Optional.ofNullable(id == null ? null : SYSTEM_NAMES.get(id));
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
