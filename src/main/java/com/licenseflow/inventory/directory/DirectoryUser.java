package com.licenseflow.inventory.directory;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.access.AdminRole;
import java.util.Set;

/**
 * A person in the organisation's directory. The id is also their Camunda login; {@code managerId}
 * (who approves for them where the approval policy asks a manager) and {@code department} may be null.
 */
public record DirectoryUser(
        String id,
        String displayName,
        String email,
        UserType type,
        String usageLocation,
        Set<AdminRole> roles,
        String managerId,
        String department) {

    /** Someone without a manager or department on record. */
    public DirectoryUser(
            String id, String displayName, String email, UserType type, String usageLocation, Set<AdminRole> roles) {
        this(id, displayName, email, type, usageLocation, roles, null, null);
    }

    public DirectoryUser withManager(String managerId, String department) {
        return new DirectoryUser(id, displayName, email, type, usageLocation, roles, managerId, department);
    }

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
