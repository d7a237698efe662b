package com.licenseflow.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * LicenseFlow's door in front of Camunda's two engine APIs: {@code /engine-rest} (HTTP Basic) and
 * {@code /camunda/api/engine} (the webapps' own, behind the Tasklist/Cockpit session). It does not
 * trust the engine's checks alone:
 * <ul>
 *   <li>{@code /engine-rest} is for Global administrators (and the configured operator group) only;</li>
 *   <li>in the webapps' API, employees reach exactly what Tasklist needs, License, User and Billing
 *       administrators additionally read what Cockpit shows; changing running work (modifying or
 *       starting instances at a step, setting variables, executing or suspending jobs, identity
 *       links) is for Global administrators;</li>
 *   <li>no request may carry a query expression (any parameter or JSON field named {@code *Expression},
 *       however deeply nested) or an Object-typed variable, whoever sends it;</li>
 *   <li>a submitted form may set only that form's own fields: a decision cannot smuggle in
 *       variables the steps after it would read;</li>
 *   <li>the webapps' first-admin setup is closed: the first Global administrator comes from
 *       configuration.</li>
 * </ul>
 */
public class EngineApiGuard extends OncePerRequestFilter {

    private static final Pattern ENGINE_REST = Pattern.compile("^/engine-rest(?:/engine/[^/]+)?(/.*)?$");
    private static final Pattern WEBAPP_ENGINE = Pattern.compile("^/camunda/api/engine/engine(?:/([^/]+))?(/.*)?$");
    private static final int MAX_BODY = 10 * 1024 * 1024;

    private final Supplier<ProcessEngine> engine;
    private final Set<String> operatorGroups;
    private final ObjectMapper json = new ObjectMapper();
    private volatile SubmittedForms forms;

    public EngineApiGuard(Supplier<ProcessEngine> engine, Set<String> operatorGroups) {
        this.engine = engine;
        this.operatorGroups = operatorGroups;
    }

    private SubmittedForms forms() {
        if (forms == null) {
            ProcessEngine started = engine.get();
            forms = new SubmittedForms(
                    started.getIdentityService(),
                    started.getFormService(),
                    started.getRepositoryService(),
                    started.getTaskService());
        }
        return forms;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/camunda/api/admin/setup") || path.matches("^/camunda/app/admin/[^/]+/setup.*")) {
            refuse(
                    response,
                    403,
                    "The first-administrator setup is closed: LicenseFlow's first Global administrator "
                            + "comes from its configuration (see the README, \"Production checklist\").");
            return;
        }
        Matcher engineRest = ENGINE_REST.matcher(path);
        Matcher webappEngine = WEBAPP_ENGINE.matcher(path);
        boolean isEngineRest = engineRest.matches();
        boolean isWebappApi = path.startsWith("/camunda/api/");
        if (!isEngineRest && !isWebappApi) {
            chain.doFilter(request, response);
            return;
        }

        Caller caller = isEngineRest ? fromEngine() : fromSession(request.getSession(false));
        if (isEngineRest && caller == null && path.matches("^/engine-rest/engine/?$")) {
            // Camunda's login lets the list of engines through unauthenticated: it is behind the login here too.
            caller = engineListCaller(request, response);
            if (caller == null) {
                return;
            }
        }
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (isEngineRest && caller != null && !caller.isOperator(operatorGroups)) {
            refuse(
                    response,
                    403,
                    nameOf(caller.userId) + " may not use the engine REST API: it is for Global "
                            + "administrators. Use Tasklist, Cockpit or LicenseFlow's own API (/api).");
            return;
        }
        HttpServletRequest body = request;
        JsonNode content = null;
        if (isJson(request)) {
            byte[] bytes = request.getInputStream().readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                refuse(response, 413, "The request body is larger than " + MAX_BODY / (1024 * 1024) + " MB.");
                return;
            }
            body = new CachedBody(request, bytes);
            if (bytes.length > 0) {
                try {
                    content = json.readTree(bytes);
                } catch (IOException notJson) {
                    refuse(response, 400, "The request body is not valid JSON.");
                    return;
                }
            }
        }

        String problem = expressionOrObject(queryParameterNames(request.getQueryString()), content);
        if (problem != null) {
            refuse(response, 400, problem);
            return;
        }
        if (caller == null) {
            // Not logged in: Camunda's own filters answer 401.
            chain.doFilter(body, response);
            return;
        }

        if (isEngineRest) {
            problem = submittedFields(method, engineRest.group(1), content);
        } else if (webappEngine.matches()) {
            String rest = webappEngine.group(2) == null ? "" : webappEngine.group(2);
            problem = caller.isOperator(operatorGroups)
                    ? null
                    : EngineApiRules.refusal(
                            method,
                            rest,
                            caller.userId,
                            caller.isCockpitWatcher(),
                            content,
                            isJson(request) || !hasBody(request));
            if (problem != null) {
                refuse(response, 403, problem);
                return;
            }
            problem = submittedFields(method, rest, content);
        }
        if (problem != null) {
            refuse(response, 400, problem);
            return;
        }
        EngineRefusals.clear();
        try {
            chain.doFilter(body, new RefusalStatus(response));
        } finally {
            EngineRefusals.clear();
        }
    }

    /**
     * The engine's REST answers a refused process start with 500; when LicenseFlow refused it, the
     * answer carries the refusal's own status instead (400 untrusted input, 403, 404, 409, 422).
     */
    private static final class RefusalStatus extends HttpServletResponseWrapper {

        RefusalStatus(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            Integer refused = EngineRefusals.status();
            super.setStatus(status == 500 && refused != null ? refused : status);
        }
    }

    /** A submitted form may set only the fields that form has. */
    private String submittedFields(String method, String rest, JsonNode content) {
        if (!"POST".equals(method) || rest == null || content == null || !rest.endsWith("/submit-form")) {
            return null;
        }
        JsonNode variables = content.path("variables");
        if (!variables.isObject() || variables.isEmpty()) {
            return null;
        }
        Set<String> fields = forms().fieldsOf(rest);
        if (fields == null) {
            return null; // no such task or process: the engine answers
        }
        for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                return "The form has no field '" + name + "': only the form's own fields can be submitted.";
            }
        }
        return null;
    }

    /** The names in the query string (not form bodies: reading those here would consume them). */
    static List<String> queryParameterNames(String query) {
        if (query == null || query.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(query.split("&"))
                .map(pair -> pair.split("=", 2)[0])
                .map(name -> URLDecoder.decode(name, StandardCharsets.UTF_8))
                .toList();
    }

    /** A query expression or an Object-typed variable anywhere in the request, or null. */
    static String expressionOrObject(List<String> parameters, JsonNode content) {
        for (String name : parameters) {
            if (name.toLowerCase(Locale.ROOT).endsWith("expression")) {
                return expressionRefusal(name);
            }
        }
        return content == null ? null : expressionOrObject(content);
    }

    private static String expressionOrObject(JsonNode node) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                String problem = expressionOrObject(element);
                if (problem != null) {
                    return problem;
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String name = field.getKey().toLowerCase(Locale.ROOT);
                if (name.endsWith("expression") || name.equals("expressions")) {
                    return expressionRefusal(field.getKey());
                }
                if (name.equals("type")
                        && field.getValue().isTextual()
                        && field.getValue().asText().equalsIgnoreCase("object")) {
                    return "Object variables are not accepted: send text, numbers, true/false, dates or JSON.";
                }
                String problem = expressionOrObject(field.getValue());
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }

    private static String expressionRefusal(String name) {
        return "Expressions are not accepted in requests ('" + name + "'). Ask with plain values instead.";
    }

    /**
     * The caller of {@code /engine-rest/engine} by their HTTP Basic login, as Camunda's login checks it for every
     * other engine REST call; null, answered 401 with the login challenge, when there is none or it is wrong.
     */
    private Caller engineListCaller(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();
        ProcessEngine started = engine.get();
        // With Entra ID sign-in, Spring Security has checked the caller's bearer token already.
        var signedIn = SecurityContextHolder.getContext().getAuthentication();
        String user =
                signedIn != null && signedIn.isAuthenticated() && !(signedIn instanceof AnonymousAuthenticationToken)
                        ? signedIn.getName()
                        : null;
        if (user == null) {
            AuthenticationResult login = basic.extractAuthenticatedUser(request, started);
            user = login.isAuthenticated() ? login.getAuthenticatedUser() : null;
        }
        if (user != null) {
            List<String> groups = started.getIdentityService().createGroupQuery().groupMember(user).list().stream()
                    .map(Group::getId)
                    .toList();
            return new Caller(user, groups);
        }
        basic.augmentResponseByAuthenticationChallenge(response, started);
        refuse(response, 401, "Log in to see the engines (HTTP Basic, as for every engine REST call).");
        return null;
    }

    /** The caller as people know them, from the name the directory gave their Camunda user. */
    private String nameOf(String userId) {
        org.camunda.bpm.engine.identity.User user = engine.get()
                .getIdentityService()
                .createUserQuery()
                .userId(userId)
                .singleResult();
        String name = user == null
                ? ""
                : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                                + (user.getLastName() == null ? "" : user.getLastName()))
                        .trim();
        return name.isEmpty() ? userId : name;
    }

    private Caller fromEngine() {
        Authentication authentication = engine.get().getIdentityService().getCurrentAuthentication();
        return authentication == null || authentication.getUserId() == null
                ? null
                : new Caller(authentication.getUserId(), authentication.getGroupIds());
    }

    private static Caller fromSession(HttpSession session) {
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return null;
        }
        for (UserAuthentication user : authentications.getAuthentications()) {
            if (user.getIdentityId() != null) {
                return new Caller(user.getIdentityId(), user.getGroupIds());
            }
        }
        return null;
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_JSON);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private void refuse(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        // The shape of Camunda's own REST errors, so Tasklist and Cockpit show the message.
        json.writeValue(
                response.getOutputStream(),
                Map.of(
                        "type",
                        status == 403 ? "AuthorizationException" : "InvalidRequestException",
                        "message",
                        message));
    }

    /** Who is calling, with their Camunda groups. */
    private record Caller(String userId, List<String> groups) {

        Caller {
            groups = groups == null ? List.of() : List.copyOf(groups);
        }

        boolean isOperator(Set<String> operatorGroups) {
            return groups.contains(CamundaGroups.GLOBAL_ADMINS)
                    || groups.contains(CamundaGroups.CAMUNDA_ADMIN)
                    || groups.stream().anyMatch(operatorGroups::contains);
        }

        boolean isCockpitWatcher() {
            return groups.stream().anyMatch(CamundaGroups.ADMIN_GROUPS::contains);
        }
    }
}
