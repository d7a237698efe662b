package com.licenseflow.inventory.assignment;

import com.licenseflow.shared.Rule;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A1: licenses are assigned to, or removed from, at most 20 users at a time. */
public final class UserBatch {

    public static final int MAX_USERS = 20;

    private UserBatch() {}

    /** Refuses an empty list, blank names, a name given twice, or more than {@link #MAX_USERS} users. */
    public static void validate(List<String> userIds) {
        if (userIds == null || userIds.isEmpty()) {
            throw Rule.INVALID_INPUT.violation("Name at least one user.");
        }
        if (userIds.size() > MAX_USERS) {
            throw Rule.TOO_MANY_USERS.violation(userIds.size() + " users were given, but licenses can be assigned to "
                    + "or removed from at most " + MAX_USERS + " users at a time. Split the list into batches of "
                    + MAX_USERS + " or fewer.");
        }
        Set<String> seen = new HashSet<>();
        for (String id : userIds) {
            if (id == null || id.isBlank()) {
                throw Rule.INVALID_INPUT.violation("A user name in the list is empty; remove it and try again.");
            }
            if (!seen.add(id)) {
                throw Rule.DUPLICATE_USER.violation("'" + id + "' is in the list twice; name each user once.");
            }
        }
    }
}
