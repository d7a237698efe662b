package com.licenseflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Microsoft Graph's {@code POST /$batch} of {@code POST /users/{id}/assignLicense} requests, as a tenant answers
 * them: each user's licenses (SKU and switched-off plans), each SKU's seats (a license beyond them is refused with
 * Graph's CountViolation words), refusals set up per user, the write budget enforced (a request beyond it is
 * answered 429 with the Retry-After until the window has room, as Graph does), and throttling or a lost answer on
 * demand. It keeps every request it received, for the tests' assertions on what Graph was sent.
 */
public final class GraphTenant implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "graph-tenant";

    /** Graph's 400 answers to a single assignLicense, by the refusal they stand for. */
    public static final Map<String, String> REFUSALS = Map.of(
            "MutuallyExclusiveViolation", "License assignment failed because service plans %s are mutually exclusive.",
            "DependencyViolation",
                    "License assignment failed because service plan %s depends on the service plan(s) "
                            + "that the user does not have.",
            "ProhibitedInUsageLocationViolation",
                    "License assignment cannot be done for user with invalid usage location.");

    private final ObjectMapper json = new ObjectMapper();
    /** user -> skuId -> switched-off plan ids */
    private final Map<String, Map<String, List<String>>> licenses = new ConcurrentHashMap<>();

    private final Map<String, Integer> seats = new ConcurrentHashMap<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    private final Map<String, String> usageLocations = new ConcurrentHashMap<>();
    private final Map<String, String> refusals = new ConcurrentHashMap<>();
    private final List<JsonNode> received = java.util.Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger throttleNext = new AtomicInteger();
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicInteger overBudget = new AtomicInteger();
    private final AtomicBoolean loseNextAnswer = new AtomicBoolean();
    private final Deque<Long> sentAt = new ArrayDeque<>();
    private volatile int budget = Integer.MAX_VALUE;
    private volatile Duration window = Duration.ofSeconds(150);
    private volatile int retryAfterSeconds = 1;
    private volatile int otherSkuSeats;

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    public synchronized void reset() {
        licenses.clear();
        seats.clear();
        deleted.clear();
        usageLocations.clear();
        refusals.clear();
        received.clear();
        sentAt.clear();
        throttleNext.set(0);
        batches.set(0);
        overBudget.set(0);
        loseNextAnswer.set(false);
        budget = Integer.MAX_VALUE;
        otherSkuSeats = 0;
    }

    public void seats(String skuId, int count) {
        seats.put(skuId, count);
    }

    /** The seats of every SKU not given its own with {@link #seats}: none unless set. */
    public void seatsOfEveryOtherSku(int count) {
        otherSkuSeats = count;
    }

    public void holds(String user, String skuId) {
        licenses.computeIfAbsent(user, u -> new ConcurrentHashMap<>()).put(skuId, List.of());
    }

    /** {@code user} was deleted in the tenant: Graph answers 404 to anything about them, and their licenses are free. */
    public void delete(String user) {
        deleted.add(user);
        licenses.remove(user);
    }

    /** The usage location LicenseFlow set for {@code user} ({@code PATCH /users/{id}}), or null. */
    public String usageLocationOf(String user) {
        return usageLocations.get(user);
    }

    /** Every assignLicense for {@code user} is refused with {@code refusal} (a key of {@link #REFUSALS}). */
    public void refuse(String user, String refusal) {
        refusals.put(user, refusal);
    }

    /** The cause of {@code user}'s refusals was fixed: their assignLicense is carried out again. */
    public void stopRefusing(String user) {
        refusals.remove(user);
    }

    /** The next {@code requests} requests are answered 429 with Retry-After {@code seconds}. */
    public void throttleNext(int requests, int seconds) {
        retryAfterSeconds = seconds;
        throttleNext.set(requests);
    }

    /** The next batch is carried out, but its answer never arrives (the connection drops), as in a crash. */
    public void loseNextAnswer() {
        loseNextAnswer.set(true);
    }

    public void budget(int requests, Duration per) {
        budget = requests;
        window = per;
    }

    /** The user's licenses: SKU -> switched-off plans, sorted. */
    public Map<String, List<String>> licensesOf(String user) {
        return new TreeMap<>(licenses.getOrDefault(user, Map.of()));
    }

    public List<JsonNode> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Forgets what it was sent so far (the tenant's licenses stay). */
    public void forgetReceived() {
        received.clear();
    }

    public int batches() {
        return batches.get();
    }

    /** Requests answered 429 because they went beyond the budget. */
    public int overBudget() {
        return overBudget.get();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        JsonNode batch;
        try {
            batch = json.readTree(event.getRequest().getBodyAsString());
        } catch (IOException e) {
            return new ResponseDefinitionBuilder().withStatus(400).build();
        }
        batches.incrementAndGet();
        if (batch.path("requests").size() > 20) {
            return error(400, "Request_BadRequest", "A batch holds at most 20 requests.");
        }
        ArrayNode responses = json.createArrayNode();
        for (JsonNode request : batch.path("requests")) {
            received.add(request);
            ObjectNode response = responses.addObject();
            response.put("id", request.path("id").asText());
            String url = request.path("url").asText();
            String user = URLDecoder.decode(url.replaceAll("^/users/([^/?]+).*$", "$1"), StandardCharsets.UTF_8);
            if (deleted.contains(user)) {
                notFound(response, user);
                continue;
            }
            if ("GET".equals(request.path("method").asText())) {
                read(user, response);
                continue;
            }
            if ("PATCH".equals(request.path("method").asText())) {
                usageLocations.put(
                        user, request.path("body").path("usageLocation").asText());
                response.put("status", 204);
                continue;
            }
            long wait = spend();
            if (wait > 0) {
                overBudget.incrementAndGet();
                throttled(response, wait);
            } else if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throttled(response, retryAfterSeconds);
            } else {
                assign(request, response);
            }
        }
        if (loseNextAnswer.getAndSet(false)) {
            return new ResponseDefinitionBuilder()
                    .withFault(Fault.CONNECTION_RESET_BY_PEER)
                    .build();
        }
        ObjectNode body = json.createObjectNode();
        body.set("responses", responses);
        return new ResponseDefinitionBuilder()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(body.toString())
                .build();
    }

    /** Counts one request against the budget; 0 when within it, else the seconds until the window has room. */
    private synchronized long spend() {
        long now = System.nanoTime();
        long windowNanos = window.toNanos();
        while (!sentAt.isEmpty() && now - sentAt.peekFirst() >= windowNanos) {
            sentAt.removeFirst();
        }
        if (sentAt.size() >= budget) {
            return Math.max(1, (sentAt.peekFirst() + windowNanos - now + 999_999_999L) / 1_000_000_000L);
        }
        sentAt.addLast(now);
        return 0;
    }

    private static void throttled(ObjectNode response, long seconds) {
        response.put("status", 429);
        response.putObject("headers").put("Retry-After", Long.toString(seconds));
        ObjectNode error = response.putObject("body").putObject("error");
        error.put("code", "TooManyRequests");
        error.put("message", "Too many requests");
    }

    /** {@code GET /users/{id}?$select=id,assignedLicenses}: the user's licenses as the tenant holds them. */
    private void read(String user, ObjectNode response) {
        response.put("status", 200);
        response.putObject("headers").put("Content-Type", "application/json");
        ObjectNode body = response.putObject("body");
        body.put("id", user);
        ArrayNode assigned = body.putArray("assignedLicenses");
        licensesOf(user).forEach((sku, off) -> {
            ObjectNode license = assigned.addObject();
            license.put("skuId", sku);
            off.forEach(license.putArray("disabledPlans")::add);
        });
    }

    private static void notFound(ObjectNode response, String user) {
        response.put("status", 404);
        response.putObject("headers").put("Content-Type", "application/json");
        ObjectNode error = response.putObject("body").putObject("error");
        error.put("code", "Request_ResourceNotFound");
        error.put(
                "message",
                "Resource '" + user + "' does not exist or one of its queried reference-property objects "
                        + "are not present.");
    }

    private void assign(JsonNode request, ObjectNode response) {
        String url = request.path("url").asText();
        String user = URLDecoder.decode(
                url.substring("/users/".length(), url.length() - "/assignLicense".length()), StandardCharsets.UTF_8);
        JsonNode body = request.path("body");
        String refusal = refusals.get(user);
        if (refusal != null) {
            refused(response, REFUSALS.get(refusal).formatted("EXCHANGE_S_STANDARD,EXCHANGE_S_ENTERPRISE"));
            return;
        }
        synchronized (this) {
            Map<String, List<String>> held = licenses.computeIfAbsent(user, u -> new ConcurrentHashMap<>());
            for (JsonNode sku : body.path("removeLicenses")) {
                if (!held.containsKey(sku.asText())) {
                    refused(response, "User does not have a corresponding license.");
                    return;
                }
            }
            for (JsonNode add : body.path("addLicenses")) {
                String sku = add.path("skuId").asText();
                long assigned = licenses.values().stream()
                        .filter(l -> l.containsKey(sku))
                        .count();
                if (!held.containsKey(sku) && assigned >= seats.getOrDefault(sku, otherSkuSeats)) {
                    refused(response, "Subscription with SKU " + sku + " does not have any available licenses.");
                    return;
                }
            }
            body.path("removeLicenses").forEach(sku -> held.remove(sku.asText()));
            for (JsonNode add : body.path("addLicenses")) {
                List<String> off = new ArrayList<>();
                add.path("disabledPlans").forEach(p -> off.add(p.asText()));
                off.sort(null);
                held.put(add.path("skuId").asText(), off);
            }
        }
        response.put("status", 200);
        response.putObject("headers").put("Content-Type", "application/json");
        response.putObject("body").put("id", user);
    }

    private static void refused(ObjectNode response, String message) {
        response.put("status", 400);
        response.putObject("headers").put("Content-Type", "application/json");
        ObjectNode error = response.putObject("body").putObject("error");
        error.put("code", "Request_BadRequest");
        error.put("message", message);
    }

    private static ResponseDefinition error(int status, String code, String message) {
        return new ResponseDefinitionBuilder()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}")
                .build();
    }
}
