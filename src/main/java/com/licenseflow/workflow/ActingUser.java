package com.licenseflow.workflow;

import com.licenseflow.domain.Rule;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
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

    /**
     * The admin a process is started for: the one the caller names in {@code namedVariable} (the API,
     * a calling process), else whoever started it from Tasklist ({@code initiatorVariable}), else
     * whoever is logged in. Someone logged in may only name themselves, unless
     * {@code mayNameOthers} (a calling process names the admin its own steps act for).
     *
     * @param toDo what starting does, as in "You can only {@code toDo} in your own name"
     */
    public static String startedFor(IdentityService identity, VariableScope scope, String namedVariable,
                                    String initiatorVariable, boolean mayNameOthers, String toDo) {
        Object namedValue = scope.getVariable(namedVariable);
        String named = namedValue == null ? null : namedValue.toString();
        if (named == null || named.isBlank()) {
            Object initiator = scope.getVariable(initiatorVariable);
            return initiator != null ? initiator.toString() : of(identity, toDo);
        }
        Authentication starter = identity.getCurrentAuthentication();
        String loggedIn = starter == null ? null : starter.getUserId();
        if (loggedIn != null && !loggedIn.equals(named) && !mayNameOthers) {
            throw Rule.INVALID_INPUT.violation("You can only " + toDo + " in your own name (" + loggedIn + "), not as "
                    + named + ".");
        }
        return named;
    }
}
