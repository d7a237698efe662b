package com.licenseflow.inventory.directory;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.access.AdminRole;
import java.util.Set;

/** A person in the organisation's directory. The id is also their Camunda login. */
public record DirectoryUser(String id, String displayName, String email, UserType type, String usageLocation,
                            Set<AdminRole> roles) {

    public boolean isGuest() {
        return type == UserType.GUEST;
    }

    public boolean hasUsageLocation() {
        return usageLocation != null && !usageLocation.isBlank();
    }

    public Actor asActor() {
        return new Actor(id, roles);
    }

    /** How messages name the user: "Emma de Vries (emma)". */
    public String label() {
        return displayName + " (" + id + ")";
    }
}
