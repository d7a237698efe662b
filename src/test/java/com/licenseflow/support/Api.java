package com.licenseflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.stream.StreamSupport;

/** A small HTTP client for the tests: real requests against the running application. */
public class Api {

    /** A response: status, headers and body; {@link #json()} parses the body. */
    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** The problem-detail message, for refusals. */
        public String detail() {
            return json().path("detail").asText();
        }
    }

    /** The response is a problem detail with this status, naming {@code rule}, whose detail contains {@code detail}. */
    public static void refused(Response response, int status, String rule, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("rule").asText()).isEqualTo(rule);
        assertThat(response.detail()).contains(detail);
    }

    /** The element of a JSON array whose {@code field} is {@code value}; fails the test when there is none. */
    public static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(n -> n.path(field).asText().equals(value))
                .findFirst()
                .orElseThrow(() -> new AssertionError(field + "=" + value + " not in " + array));
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;
    private final Map<String, String> headers;

    private Api(String base, String authorization, Map<String, String> headers) {
        this.base = base;
        this.authorization = authorization;
        this.headers = headers;
    }

    public static Api at(int port) {
        return new Api("http://localhost:" + port, null, Map.of());
    }

    public Api as(String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(base, "Basic " + token, headers);
    }

    /** The same caller sending one more header on every request (say, a browser's Origin). */
    public Api withHeader(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(base, authorization, Map.copyOf(more));
    }

    /** A caller sending a bearer token (signed in with Microsoft Entra ID, or a stand-in for it). */
    public Api withToken(String accessToken) {
        return new Api(base, "Bearer " + accessToken, headers);
    }

    /** Demo and fixture users have their id as password. */
    public Api as(String user) {
        return as(user, user);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response post(String path, String json) {
        return send("POST", path, json);
    }

    /** A body of another kind than JSON, e.g. a CSV file as {@code text/csv}. */
    public Response post(String path, String contentType, String body) {
        return send("POST", path, body, contentType);
    }

    public Response put(String path, String json) {
        return send("PUT", path, json);
    }

    public Response patch(String path, String json) {
        return send("PATCH", path, json);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    private Response send(String method, String path, String json) {
        return send(method, path, json, "application/json");
    }

    private Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
