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

/**
 * A logged-in session of the Camunda webapps, as the browser holds it (session cookie and the
 * webapps' CSRF token), calling the webapps' own engine API the way Tasklist and Cockpit do.
 */
public final class WebappSession {

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    /** The webapps' CSRF token: sent in a header of their answers, expected back on every change. */
    private String csrfToken;

    private WebappSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** Logs in to {@code app} (tasklist, cockpit) as {@code user}, whose password is their id. */
    public static WebappSession login(int port, String user, String app) {
        WebappSession session = new WebappSession(port);
        session.send("GET", "/camunda/app/" + app + "/default/", null, null);
        Api.Response login = session.send(
                "POST",
                "/camunda/api/admin/auth/user/default/login/" + app,
                "application/x-www-form-urlencoded",
                "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                        + URLEncoder.encode(user, StandardCharsets.UTF_8));
        assertThat(login.status()).as("login of " + user + ": " + login.body()).isEqualTo(200);
        // Logging in starts a new session; its CSRF token comes with the next read, as in the browser.
        session.send("GET", "/camunda/api/engine/engine/", null, null);
        return session;
    }

    /** A call to the webapps' engine API, path after {@code /camunda/api/engine/engine/default}. */
    public Api.Response engine(String method, String path, String json) {
        return send(
                method, "/camunda/api/engine/engine/default" + path, json == null ? null : "application/json", json);
    }

    public Api.Response send(String method, String path, String contentType, String body) {
        return send(method, path, contentType, body, "application/json");
    }

    /** Tasklist's list of tasks, as it asks for it: HAL, with each task's process definition embedded. */
    public Api.Response tasklistTasks(String query) {
        return send("GET", "/camunda/api/engine/engine/default/task?" + query, null, null, "application/hal+json");
    }

    private Api.Response send(String method, String path, String contentType, String body, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", accept);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (csrfToken != null) {
            request.header("X-XSRF-TOKEN", csrfToken);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> csrfToken = token);
            return new Api.Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
