package com.licenseflow.tenant;

import java.util.Locale;

/**
 * Why Microsoft 365 refused a license change, from what Graph answered assignLicense: its error code, or (as Graph
 * answers a single assignLicense with a 400 Request_BadRequest) its message. Each is something an admin can act
 * on, and says what.
 */
enum GraphRefusal {
    NOT_ENOUGH_LICENSES("CountViolation") {
        @Override
        String words(String user, String product, String graphSaid) {
            return "Microsoft 365 has no " + product + " license left for " + user + ". Buy more licenses in the "
                    + "Microsoft 365 admin center (or free one), then ask again.";
        }
    },
    MUTUALLY_EXCLUSIVE("MutuallyExclusiveViolation") {
        @Override
        String words(String user, String product, String graphSaid) {
            return user + " has a license whose apps and services cannot be combined with " + product + "'s. Remove "
                    + "that license or switch its conflicting app off, then ask again. Microsoft 365 said: "
                    + graphSaid;
        }
    },
    DEPENDENCY("DependencyViolation") {
        @Override
        String words(String user, String product, String graphSaid) {
            return "An app or service of " + user + "'s " + product + " license depends on another one that the change "
                    + "would take away. Microsoft 365 said: " + graphSaid;
        }
    },
    USAGE_LOCATION("ProhibitedInUsageLocationViolation") {
        @Override
        String words(String user, String product, String graphSaid) {
            return user + " has no usage location in Microsoft 365, or one where " + product + " is not offered. Set "
                    + "the user's usage location (country), then ask again.";
        }
    },
    USER_GONE("Request_ResourceNotFound") {
        @Override
        String words(String user, String product, String graphSaid) {
            return user + " is no longer in Microsoft 365 (deleted there), so " + product + " cannot be assigned. "
                    + "Restore the user in the Microsoft 365 admin center first, if they are to have it.";
        }
    },
    NOT_IN_TENANT("NotInTenant") {
        @Override
        String words(String user, String product, String graphSaid) {
            return graphSaid;
        }
    },
    OTHER("Others") {
        @Override
        String words(String user, String product, String graphSaid) {
            return "Microsoft 365 refused to change " + user + "'s " + product + " license: " + graphSaid;
        }
    };

    private final String graphName;

    GraphRefusal(String graphName) {
        this.graphName = graphName;
    }

    /** Graph's own name of it (licenseAssignmentState.error), as the audit trail and the admin's task show it. */
    String graphName() {
        return graphName;
    }

    abstract String words(String user, String product, String graphSaid);

    static GraphRefusal of(String code, String message) {
        for (GraphRefusal refusal : values()) {
            if (refusal.graphName.equalsIgnoreCase(code)) {
                return refusal;
            }
        }
        String text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (text.contains("does not have any available licenses") || text.contains("countviolation")) {
            return NOT_ENOUGH_LICENSES;
        }
        if (text.contains("mutually exclusive")) {
            return MUTUALLY_EXCLUSIVE;
        }
        if (text.contains("depends on")) {
            return DEPENDENCY;
        }
        if (text.contains("usage location")) {
            return USAGE_LOCATION;
        }
        return OTHER;
    }

    /** Graph's answer to removing a license the user no longer has: the change is already as wanted. */
    static boolean alreadyRemoved(String message) {
        return message != null && message.toLowerCase(Locale.ROOT).contains("does not have a corresponding license");
    }
}
