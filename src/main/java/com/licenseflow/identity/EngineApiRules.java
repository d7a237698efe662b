package com.licenseflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the webapps' engine API ({@code /camunda/api/engine/engine/{engine}/...}) lets a caller who
 * is not a Global administrator do: the calls Tasklist makes for everyone, and the read-only calls
 * Cockpit makes for License, User and Billing administrators. Everything else is refused.
 */
final class EngineApiRules {

    private record Rule(Pattern methods, Pattern path) {
        static Rule of(String methods, String path) {
            return new Rule(Pattern.compile(methods), Pattern.compile("^" + path + "/?$"));
        }

        boolean allows(String method, String rest) {
            return methods.matcher(method).matches() && path.matcher(rest).matches();
        }
    }

    private static final String ID = "[^/]+";
    private static final String DEFINITION =
            "/process-definition(?:/" + ID + "|/key/" + ID + "(?:/tenant-id/" + ID + ")?)";

    /** What Tasklist calls for anybody who may log in to it. */
    private static final List<Rule> TASKLIST = List.of(
            Rule.of("GET", ""),
            // Tasklist asks what the user may do (e.g. create filters); the answer changes nothing.
            Rule.of("OPTIONS", ".*"),
            Rule.of("GET", "/user/" + ID + "/profile"),
            Rule.of("GET", "/identity/groups"),
            Rule.of("GET", "/filter(?:/count)?"),
            Rule.of("GET", "/filter/" + ID),
            Rule.of("GET|POST", "/filter/" + ID + "/(?:list|count|singleResult)"),
            Rule.of("GET", "/(?:process|case|decision)-definition(?:/count)?"),
            Rule.of("GET", DEFINITION),
            Rule.of("GET", DEFINITION + "/(?:startForm|deployed-start-form|form-variables|rendered-form|xml)"),
            Rule.of("POST", DEFINITION + "/submit-form"),
            Rule.of("GET|POST", "/task(?:/count)?"),
            Rule.of("GET", "/task/" + ID),
            Rule.of(
                    "GET",
                    "/task/" + ID + "/(?:form|deployed-form|rendered-form|form-variables|variables|identity-links"
                            + "|comment|attachment)"),
            Rule.of("GET", "/task/" + ID + "/comment/" + ID),
            Rule.of("POST", "/task/" + ID + "/(?:claim|unclaim|submit-form|assignee)"),
            Rule.of("POST", "/task/" + ID + "/comment/create"),
            Rule.of("GET", "/history/(?:user-operation|task|identity-link-log)(?:/count)?"));

    private static final String HISTORY_QUERIES = "process-instance|activity-instance|task|variable-instance|incident"
            + "|job-log|decision-instance|batch|detail|user-operation|external-task-log|identity-link-log"
            + "|case-instance|case-activity-instance";

    /** What Cockpit reads for License, User and Billing administrators: every GET and the queries sent as POST. */
    private static final List<Rule> COCKPIT_READ = List.of(
            Rule.of("GET", ".*"),
            Rule.of(
                    "POST",
                    "/(?:process-instance|task|execution|variable-instance|job|incident|external-task"
                            + "|event-subscription)(?:/count)?"),
            Rule.of("POST", "/history/(?:" + HISTORY_QUERIES + ")(?:/count)?"));

    private EngineApiRules() {}

    /**
     * Why the call is refused, or null when it is allowed.
     *
     * @param rest the path after {@code /engine/{engine}}
     * @param jsonOrEmpty whether the body is JSON or absent (Tasklist sends nothing else)
     */
    static String refusal(
            String method, String rest, String userId, boolean cockpitWatcher, JsonNode content, boolean jsonOrEmpty) {
        boolean allowed = TASKLIST.stream().anyMatch(rule -> rule.allows(method, rest))
                || (cockpitWatcher && COCKPIT_READ.stream().anyMatch(rule -> rule.allows(method, rest)));
        if (!allowed) {
            return cockpitWatcher
                    ? "Only a Global administrator may change running work (" + method + " " + rest + "); "
                            + "Cockpit shows it to you read-only."
                    : userId + " may not call " + method + " " + rest + ": Tasklist needs no such call.";
        }
        if (!jsonOrEmpty) {
            return "Only JSON requests are accepted here.";
        }
        if (content != null && (rest.endsWith("/claim") || rest.endsWith("/assignee"))) {
            String assignee = content.path("userId").asText(null);
            if (assignee != null && !assignee.equals(userId)) {
                return "You can only claim tasks for yourself, not for " + assignee + ".";
            }
        }
        return null;
    }
}
