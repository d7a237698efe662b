package com.licenseflow.workflow;

import com.licenseflow.domain.Rule;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is completing a task right now: the user Tasklist or the REST API authenticated. */
public final class ActingUser {

    private ActingUser() {
    }

    public static String of(IdentityService identity, String toDo) {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw Rule.NOT_IN_DIRECTORY.violation("Log in to " + toDo + ": decisions are recorded in the name of "
                    + "the administrator who makes them.");
        }
        return authentication.getUserId();
    }
}
