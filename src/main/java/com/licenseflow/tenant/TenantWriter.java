package com.licenseflow.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.licenseflow.config.NodeSettings;
import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.LicenseLedger.TenantChange;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.shared.Poller;
import com.licenseflow.tenant.TenantChanges.Due;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends LicenseFlow's license changes to the connected tenant: the outbox rows the ledger wrote with each change,
 * twenty at a time in one Graph {@code $batch} of {@code POST /users/{id}/assignLicense} requests, within Graph's
 * write budget. Each batch is claimed in one committed transaction, sent, and settled in another: Graph's 200 makes
 * the change applied (the license is no longer pending); a 429 or 503, for the batch or a request in it, is sent
 * again after its Retry-After; a refusal is undone in LicenseFlow through the ledger, and the process that asked is
 * told, or, when none waits, an admin gets a task ({@link LicenseChangeRefusals}). A node that dies between sending
 * and settling leaves its claim to run out; the change is sent again then, which Graph takes as the same change
 * (assigning a license the user has sets the same plans; removing one the user no longer has is taken as done).
 *
 * <p>One node sends at a time (a lease in the database), so that the budget, which Graph keeps per app and tenant,
 * is kept by one counter ({@link WriteBudget}, in the database too, so the next holder goes on from it).
 */
@Component
public class TenantWriter extends Poller {

    private static final Logger log = LoggerFactory.getLogger(TenantWriter.class);
    static final int BATCH = 20;
    /** Longest wait, for a failure that is not throttling, before a change is sent again. */
    private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(15);

    private static final Duration SHORTEST_WAIT = Duration.ofMillis(50);
    /** The batch request id of a usage location (license changes go by their number alone). */
    private static final String LOCATION = "location-";

    private final TenantConnection connection;
    private final GraphClient graph;
    private final TenantChanges changes;
    private final LicenseLedger ledger;
    private final LicenseChangeRefusals refusals;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final String node;
    private final Clock clock = Clock.systemUTC();
    private final WriteBudget budget;

    TenantWriter(
            TenantConnection connection,
            GraphClient graph,
            TenantChanges changes,
            WriteBudget budget,
            LicenseLedger ledger,
            LicenseChangeRefusals refusals,
            ObjectMapper json,
            PlatformTransactionManager transactions,
            NodeSettings node) {
        super("tenant-writer");
        this.connection = connection;
        this.budget = budget;
        this.graph = graph;
        this.changes = changes;
        this.ledger = ledger;
        this.refusals = refusals;
        this.json = json;
        this.transaction = new TransactionTemplate(transactions);
        this.node = node.id();
    }

    /** What one call sent and how it ended. */
    public record Written(int batches, int applied, int refused, int later) {

        Written plus(Written other) {
            return new Written(
                    batches + other.batches, applied + other.applied, refused + other.refused, later + other.later);
        }
    }

    /**
     * Sends every change that is due, a batch after the other, waiting as the budget and Graph's Retry-After say,
     * until none is due; a change Graph asked to wait for up to {@code waitUpTo} is waited for too. For the poller and
     * for tests, which send the changes themselves.
     */
    public Written writeDue(Duration waitUpTo) {
        Written total = new Written(0, 0, 0, 0);
        if (!connection.connected()) {
            return total;
        }
        Duration waited = Duration.ZERO;
        while (true) {
            Written batch = writeBatch();
            if (batch != null) {
                total = total.plus(batch);
                continue;
            }
            // A change may have come due since the claim looked (then the wait is short, not nothing).
            Duration next = changes.nextDueIn(clock.instant());
            if (next == null || next.compareTo(waitUpTo) > 0 || waited.compareTo(waitUpTo) > 0) {
                return total;
            }
            Duration pause = next.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : next;
            GraphThrottling.pause(pause);
            waited = waited.plus(pause);
        }
    }

    /** One batch: claimed, sent, settled; null when nothing is due now (or another node is the one sending). */
    Written writeBatch() {
        TenantSettings.Writes settings = connection.settings().writes();
        Instant now = clock.instant();
        record Claimed(List<TenantChanges.UserChange> locations, List<Due> licenses) {}
        Claimed claimed = transaction.execute(status -> {
            if (!changes.lease(node, now, now.plus(settings.claimFor()))) {
                return new Claimed(List.of(), List.of());
            }
            // Usage locations first: a license change of the same user waits for its location (it needs one).
            List<TenantChanges.UserChange> locations = changes.claimUserChanges(node, BATCH, now, settings.claimFor());
            List<Due> licenses = changes.load(changes.claim(node, BATCH - locations.size(), now, settings.claimFor()));
            changes.sending(licenses.stream().map(Due::id).toList(), now);
            return new Claimed(locations, licenses);
        });
        if (claimed.locations().isEmpty() && claimed.licenses().isEmpty()) {
            return null;
        }
        List<Due> due = claimed.licenses();
        Map<String, String> guids = changes.planGuids(
                due.stream().flatMap(d -> d.disabledPlans().stream()).collect(java.util.stream.Collectors.toSet()));
        Map<Long, Outcome> outcomes = new LinkedHashMap<>();
        readBack(due.stream().filter(Due::answerLost).toList(), guids, outcomes);
        ArrayNode requests = json.createArrayNode();
        for (TenantChanges.UserChange location : claimed.locations()) {
            requests.add(usageLocation(location));
        }
        for (Due change : due) {
            if (outcomes.containsKey(change.id())) {
                continue;
            }
            String unknown = notInTenant(change, guids);
            if (unknown != null) {
                outcomes.put(change.id(), Outcome.refused(GraphRefusal.NOT_IN_TENANT, unknown));
            } else {
                requests.add(request(change, guids));
            }
        }
        Map<String, Outcome> answers = new LinkedHashMap<>();
        if (!requests.isEmpty()) {
            send(requests, settings, answers);
        }
        answers.forEach((id, outcome) -> {
            if (!id.startsWith(LOCATION)) {
                outcomes.put(Long.parseLong(id), outcome);
            }
        });
        return transaction.execute(status -> {
            settleLocations(claimed.locations(), answers);
            return settle(due, outcomes);
        });
    }

    /**
     * Changes whose answer was lost (the node sending them died, the connection dropped) may have been made: the
     * users' licenses are read back first (one {@code GET /users/{id}} each, in one {@code $batch}), and a change the
     * tenant already shows is applied without being sent again. Sent again blindly, a move already made would be
     * refused (its old license is gone) and taken for a refusal to undo.
     */
    private void readBack(List<Due> lost, Map<String, String> guids, Map<Long, Outcome> outcomes) {
        if (lost.isEmpty()) {
            return;
        }
        ArrayNode reads = json.createArrayNode();
        for (Due change : lost) {
            ObjectNode read = reads.addObject();
            read.put("id", Long.toString(change.id()));
            read.put("method", "GET");
            read.put("url", "/users/" + encoded(change.graphUser()) + "?$select=id,assignedLicenses");
        }
        ObjectNode body = json.createObjectNode();
        body.set("requests", reads);
        JsonNode answer;
        try {
            answer = graph.post("/$batch", body);
        } catch (GraphException e) {
            lost.forEach(c -> outcomes.put(
                    c.id(),
                    Outcome.uncertain("Could not read back from Microsoft 365 whether "
                            + "a change whose answer was lost was made: " + e.getMessage())));
            return;
        }
        Map<Long, JsonNode> users = new HashMap<>();
        for (JsonNode response : answer.path("responses")) {
            int status = response.path("status").asInt();
            if (status >= 200 && status < 300) {
                users.put(response.path("id").asLong(), response.path("body"));
            } else if (status == 404) {
                users.put(response.path("id").asLong(), json.createObjectNode().putArray("assignedLicenses"));
            }
        }
        for (Due change : lost) {
            JsonNode user = users.get(change.id());
            if (user == null) {
                outcomes.put(
                        change.id(),
                        Outcome.uncertain("Microsoft 365 did not say whether a change whose answer "
                                + "was lost was made; asked again later"));
            } else if (madeAlready(change, user.path("assignedLicenses"), guids)) {
                outcomes.put(change.id(), Outcome.APPLIED);
            }
        }
    }

    /** Whether the tenant's licenses of the user ({@code assignedLicenses}) are as the change wants them. */
    private static boolean madeAlready(Due change, JsonNode assignedLicenses, Map<String, String> guids) {
        Map<String, Set<String>> held = new HashMap<>();
        for (JsonNode license : assignedLicenses) {
            Set<String> off = new java.util.TreeSet<>();
            license.path("disabledPlans").forEach(p -> off.add(p.asText().toLowerCase(java.util.Locale.ROOT)));
            held.put(license.path("skuId").asText().toLowerCase(java.util.Locale.ROOT), off);
        }
        String sku = change.skuId() == null ? null : change.skuId().toLowerCase(java.util.Locale.ROOT);
        if (change.change() == TenantChange.REMOVE) {
            return !held.containsKey(sku);
        }
        Set<String> wanted = new java.util.TreeSet<>();
        change.disabledPlans().stream()
                .map(guids::get)
                .filter(java.util.Objects::nonNull)
                .forEach(g -> wanted.add(g.toLowerCase(java.util.Locale.ROOT)));
        boolean replacedGone = change.replacesSkuId() == null
                || !held.containsKey(change.replacesSkuId().toLowerCase(java.util.Locale.ROOT));
        return wanted.equals(held.get(sku)) && replacedGone;
    }

    /** PATCH /users/{id} with the usage location LicenseFlow set. */
    private ObjectNode usageLocation(TenantChanges.UserChange change) {
        ObjectNode request = json.createObjectNode();
        request.put("id", LOCATION + change.id());
        request.put("method", "PATCH");
        request.put("url", "/users/" + encoded(change.graphUser()));
        request.putObject("headers").put("Content-Type", "application/json");
        request.putObject("body").put("usageLocation", change.usageLocation());
        return request;
    }

    private void settleLocations(List<TenantChanges.UserChange> locations, Map<String, Outcome> answers) {
        Instant now = clock.instant();
        for (TenantChanges.UserChange location : locations) {
            Outcome outcome = answers.get(LOCATION + location.id());
            switch (outcome.kind()) {
                case APPLIED -> changes.userChangeSettled(location.id(), "APPLIED", now, null, null);
                case THROTTLED ->
                    changes.userChangeSettled(location.id(), "PENDING", now, now.plus(outcome.delay()), null);
                case FAILED ->
                    changes.userChangeSettled(location.id(), "PENDING", now, now.plus(backoff(1)), outcome.text());
                case REFUSED -> {
                    changes.userChangeSettled(location.id(), "REFUSED", now, null, outcome.text());
                    ledger.record(
                            ChangeContext.byUser(TenantProducts.TENANT, "Refused by Microsoft 365"),
                            com.licenseflow.inventory.audit.AuditAction.TENANT_REFUSED_CHANGE,
                            location.userId(),
                            null,
                            null,
                            "Microsoft 365 did not take " + location.userName() + "'s usage location "
                                    + location.usageLocation() + ": " + outcome.text());
                }
            }
        }
    }

    private void send(ArrayNode requests, TenantSettings.Writes settings, Map<String, Outcome> outcomes) {
        Duration wait = budget.waitFor(requests.size(), settings.budget(), settings.window());
        if (!wait.isZero()) {
            GraphThrottling.pause(wait);
        }
        ObjectNode body = json.createObjectNode();
        body.set("requests", requests);
        long counted = budget.sending(requests.size());
        JsonNode answer;
        try {
            answer = graph.post("/$batch", body);
        } catch (GraphException e) {
            budget.answered(counted);
            log.warn("Microsoft Graph did not take a batch of {} license changes: {}", requests.size(), e.getMessage());
            for (JsonNode request : requests) {
                // The batch may have arrived and been carried out before its answer was lost.
                outcomes.put(request.path("id").asText(), Outcome.uncertain(e.getMessage()));
            }
            return;
        }
        // Counted from its answer, not from its sending: Graph counted it when it arrived, which is in between.
        budget.answered(counted);
        for (JsonNode response : answer.path("responses")) {
            String id = response.path("id").asText();
            int status = response.path("status").asInt();
            JsonNode error = response.path("body").path("error");
            if (status >= 200 && status < 300) {
                outcomes.put(id, Outcome.APPLIED);
            } else if (status == 429 || status == 503) {
                Duration after = GraphThrottling.retryAfter(header(response, "Retry-After"));
                budget.quietFor(after);
                outcomes.put(id, Outcome.throttled(after));
            } else if (status == 404) {
                outcomes.put(
                        id,
                        Outcome.refused(
                                GraphRefusal.USER_GONE, error.path("message").asText("no message")));
            } else if (status >= 500 || status == 0) {
                outcomes.put(
                        id,
                        Outcome.failed("Microsoft Graph answered " + status + ": "
                                + error.path("message").asText("no message")));
            } else {
                outcomes.put(
                        id,
                        Outcome.graphRefused(
                                error.path("code").asText(null),
                                error.path("message").asText("no message")));
            }
        }
        for (JsonNode request : requests) {
            // A request the batch's answer left out is sent again.
            outcomes.putIfAbsent(
                    request.path("id").asText(), Outcome.failed("Microsoft Graph's batch answer left it out"));
        }
    }

    private static String header(JsonNode response, String name) {
        var fields = response.path("headers").fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue().asText();
            }
        }
        return null;
    }

    private Written settle(List<Due> due, Map<Long, Outcome> outcomes) {
        Instant now = clock.instant();
        int applied = 0;
        int refused = 0;
        int later = 0;
        Set<String> processes = new LinkedHashSet<>();
        ChangeContext tenant = ChangeContext.byUser(TenantProducts.TENANT, "Refused by Microsoft 365");
        for (Due change : due) {
            Outcome outcome = outcomes.get(change.id());
            switch (outcome.kind()) {
                case APPLIED -> {
                    changes.applied(change.id(), now);
                    ledger.confirmedByTenant(change.licenseId());
                    applied++;
                }
                case THROTTLED -> {
                    changes.later(
                            change.id(),
                            now.plus(outcome.delay()),
                            false,
                            "Microsoft Graph asked to wait " + outcome.delay().toSeconds() + " s",
                            false);
                    later++;
                }
                case FAILED -> {
                    changes.later(
                            change.id(),
                            now.plus(backoff(change.attempts() + 1)),
                            true,
                            outcome.text(),
                            outcome.uncertain());
                    later++;
                }
                case REFUSED -> {
                    if (change.change() == TenantChange.REMOVE
                            && (outcome.refusal() == GraphRefusal.USER_GONE
                                    || GraphRefusal.alreadyRemoved(outcome.text()))) {
                        // Removed already; or the user is no longer in the tenant, and their licenses went with them.
                        changes.applied(change.id(), now);
                        ledger.confirmedByTenant(change.licenseId());
                        applied++;
                        break;
                    }
                    String words = outcome.refusal().words(change.userName(), change.productName(), outcome.text());
                    if (changes.refused(change.id(), now, outcome.refusal(), words)) {
                        ledger.undoRefused(
                                new ChangeContext(tenant.actor(), tenant.reason(), change.processInstanceId()),
                                new LicenseLedger.RefusedChange(
                                        change.licenseId(),
                                        change.change(),
                                        change.replacesProductId(),
                                        change.previousPlans(),
                                        words));
                        refused++;
                    }
                }
            }
            processes.add(change.processInstanceId());
        }
        refusals.settled(processes);
        return new Written(1, applied, refused, later);
    }

    private static Duration backoff(int attempts) {
        Duration wait = Duration.ofSeconds(1L << Math.min(attempts, 10));
        return wait.compareTo(LONGEST_BACKOFF) > 0 ? LONGEST_BACKOFF : wait;
    }

    /** Why Graph cannot be asked for this change at all (the product or a plan has no Microsoft id), or null. */
    private static String notInTenant(Due change, Map<String, String> guids) {
        if (change.skuId() == null || (change.replacesProductId() != null && change.replacesSkuId() == null)) {
            String product = change.skuId() == null ? change.productName() : change.replacesProductId();
            return "Microsoft 365 does not know " + product + ": it has no Microsoft product id (skuId). Import "
                    + "Microsoft's product catalog or let \"Read the tenant\" run, then ask again.";
        }
        if (change.change() != TenantChange.REMOVE) {
            for (String plan : change.disabledPlans()) {
                if (!guids.containsKey(plan)) {
                    return "Microsoft 365 does not know the app or service " + plan + " of " + change.productName()
                            + ": it has no Microsoft service plan id. Import Microsoft's product catalog, then ask again.";
                }
            }
        }
        return null;
    }

    /** POST /users/{id}/assignLicense for one change, its id the change's. */
    private ObjectNode request(Due change, Map<String, String> guids) {
        ObjectNode body = json.createObjectNode();
        ArrayNode add = body.putArray("addLicenses");
        ArrayNode remove = body.putArray("removeLicenses");
        if (change.change() == TenantChange.REMOVE) {
            remove.add(change.skuId());
        } else {
            ObjectNode license = add.addObject();
            license.put("skuId", change.skuId());
            ArrayNode off = license.putArray("disabledPlans");
            change.disabledPlans().stream().map(guids::get).sorted().forEach(off::add);
            if (change.replacesSkuId() != null) {
                remove.add(change.replacesSkuId());
            }
        }
        ObjectNode request = json.createObjectNode();
        request.put("id", Long.toString(change.id()));
        request.put("method", "POST");
        request.put("url", "/users/" + encoded(change.graphUser()) + "/assignLicense");
        request.putObject("headers").put("Content-Type", "application/json");
        request.set("body", body);
        return request;
    }

    private static String encoded(String user) {
        return java.net.URLEncoder.encode(user, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private enum Kind {
        APPLIED,
        THROTTLED,
        FAILED,
        REFUSED
    }

    /** How a change ended; {@code uncertain}: it failed in a way that may have left it made (its answer was lost). */
    private record Outcome(Kind kind, Duration delay, String text, GraphRefusal refusal, boolean uncertain) {

        static final Outcome APPLIED = new Outcome(Kind.APPLIED, null, null, null, false);

        static Outcome throttled(Duration wait) {
            return new Outcome(Kind.THROTTLED, wait, null, null, false);
        }

        static Outcome failed(String text) {
            return new Outcome(Kind.FAILED, null, text, null, false);
        }

        static Outcome uncertain(String text) {
            return new Outcome(Kind.FAILED, null, text, null, true);
        }

        static Outcome refused(GraphRefusal refusal, String text) {
            return new Outcome(Kind.REFUSED, null, text, refusal, false);
        }

        static Outcome graphRefused(String code, String message) {
            return refused(GraphRefusal.of(code, message), message);
        }
    }

    @Override
    protected Optional<Duration> pause() {
        TenantSettings settings = connection.settings();
        return settings.connected() && settings.writes().enabled()
                ? Optional.of(settings.writes().pollEvery())
                : Optional.empty();
    }

    @Override
    protected void poll() {
        writeDue(connection.settings().writes().pollEvery());
    }

    /** A node that stops finishes the batch under way, then gives its lease back: the next node sends at once. */
    @Override
    public synchronized void stop() {
        super.stop();
        if (connection.connected()) {
            try {
                transaction.executeWithoutResult(status -> changes.releaseLease(node));
            } catch (RuntimeException e) {
                log.warn("Could not give the tenant writer's lease back; another node takes it after claim-for", e);
            }
        }
    }
}
