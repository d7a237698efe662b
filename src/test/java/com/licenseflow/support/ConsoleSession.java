package com.licenseflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The console as a browser holds it, over plain HTTP: a session cookie, the CSRF token of the last
 * page read (as its forms carry it), redirects not followed so a test sees where they lead.
 */
public final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;
    private String csrfToken;

    private ConsoleSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Nobody logged in yet. */
    public static ConsoleSession anonymous(int port) {
        ConsoleSession session = new ConsoleSession(port);
        session.get("/console/login");
        return session;
    }

    /** Logged in on the console's login page as {@code user}, whose password is their id. */
    public static ConsoleSession login(int port, String user) {
        ConsoleSession session = anonymous(port);
        Api.Response answer = session.post("/console/login", Map.of("username", user, "password", user));
        assertThat(answer.status())
                .as("login of " + user + ": " + answer.body())
                .isEqualTo(302);
        return session;
    }

    public Api.Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A form as the page's own form sends it, with the CSRF token of the last page read. */
    public Api.Response post(String path, Map<String, String> form) {
        Map<String, String> fields = new LinkedHashMap<>(form);
        if (csrfToken != null) {
            fields.putIfAbsent("_csrf", csrfToken);
        }
        return postRaw(path, fields);
    }

    /** A form without the page's CSRF token: what another site's page can make a browser send. */
    public Api.Response postWithoutToken(String path, Map<String, String> form) {
        return postRaw(path, form);
    }

    private Api.Response postRaw(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private Api.Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) {
                csrfToken = token.group(1);
            }
            return new Api.Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
