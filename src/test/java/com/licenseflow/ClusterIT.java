package com.licenseflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.licenseflow.support.Api;
import com.licenseflow.support.PackagedApplication;
import com.licenseflow.support.PostgresForJars;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes of the packaged jar on one PostgreSQL database, as a cluster runs, sending mail to one
 * SMTP server: started at the same moment on an empty database; under a burst of decisions; one
 * killed right after it acknowledged a request, and started again; and the node holding a chunk of
 * a takeover killed mid-way. The tests run in this order on the same two nodes.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static PostgresForJars database;
    private static Smtp smtp;
    private static List<String> arguments;
    private static PackagedApplication a;
    private static PackagedApplication b;

    @BeforeAll
    static void startTwoNodesAtOnce() throws IOException {
        database = PostgresForJars.freshSchema();
        smtp = Smtp.start();
        arguments = new ArrayList<>(database.jarArguments());
        arguments.addAll(List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.port()));
        a = PackagedApplication.start("cluster-a", arguments, Map.of());
        b = PackagedApplication.start("cluster-b", arguments, Map.of());
    }

    @AfterAll
    static void stop() {
        Stream.of(a, b).filter(java.util.Objects::nonNull).forEach(PackagedApplication::stopIfRunning);
        if (smtp != null) {
            smtp.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private static final String STARTED = "Started LicenseFlowApplication";
    private static final List<String> EMPLOYEES = List.of(
            "emma", "noah", "olivia", "liam", "sophie", "lucas", "mia", "finn", "sara", "jonas", "nora", "daan",
            "julia", "sem", "tess", "milan", "lotte", "bram");

    @Test
    @Order(1)
    void twoNodesStartedAtTheSameMomentOnAnEmptyDatabaseBothComeUpAndSetItUpOnce() {
        a.awaitReady(STARTED);
        b.awaitReady(STARTED);
        Api.Response fromA = a.api().as("alice").get("/api/me");
        Api.Response fromB = b.api().as("alice").get("/api/me");
        assertThat(fromA.status()).isEqualTo(200);
        assertThat(fromB.status()).isEqualTo(200);
        assertThat(fromA.header("X-LicenseFlow-Node")).isNotBlank().isNotEqualTo(fromB.header("X-LicenseFlow-Node"));

        assertThat(database.count("select count(*) from flyway_schema_history where version = '7' and success"))
                .as("the engine's tables created once, by Flyway")
                .isOne();
        assertThat(database.count("select count(*) from product"))
                .as("demo data seeded once")
                .isEqualTo(6);
        assertThat(database.count("select count(*) from act_id_user where id_ = 'alice'"))
                .isOne();
        assertThat(database.count("select count(*) from act_ru_filter"))
                .as("Tasklist filters")
                .isEqualTo(3);
        assertThat(database.count("""
                select count(*) from (select group_id_, resource_type_, resource_id_ from act_ru_authorization
                group by group_id_, resource_type_, resource_id_ having count(*) > 1) twice""")).isZero();
        assertThat(database.count("select count(*) from act_re_procdef where key_ = 'license-request'"))
                .as("the processes deployed once")
                .isOne();

        Api.Response asked =
                a.api().as("liam").post("/api/license-requests", "{\"product\":\"Microsoft 365 Business Standard\"}");
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(b.api()
                        .as("alice")
                        .get("/api/license-requests/" + asked.json().path("id").asText())
                        .status())
                .as("one installation: B sees what A was asked")
                .isEqualTo(200);
        assertThat(a.api().get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(b.api().get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void aBurstOfDecisionsOverTwoNodesFailsNoJobOversellsNoSeatAndSendsEveryEmailOnce() throws Exception {
        int products = 11;
        int seatsEach = 5;
        long sentBefore = smtp.messageIds().size();
        ExecutorService clients = Executors.newFixedThreadPool(32);
        try {
            for (int p = 1; p <= products; p++) {
                database.execute("insert into product (id, name, list_price_per_seat, self_service_policy) values "
                        + "('LOAD_" + p + "', 'Load product " + p + "', 5.00, 'DISABLED')");
                database.execute("insert into subscription (product_id, kind, quantity, term_start, expires_on, "
                        + "price_per_seat) values ('LOAD_" + p + "', 'CENTRAL', " + seatsEach + ", current_date, "
                        + "current_date + 365, 5.00)");
            }
            List<Api> nodes = List.of(a.api(), b.api());
            // Every employee asks for every product (not timed).
            List<Future<Api.Response>> asked = new ArrayList<>();
            int n = 0;
            for (int p = 1; p <= products; p++) {
                for (String employee : EMPLOYEES) {
                    Api node = nodes.get(n++ % 2).as(employee);
                    String body = "{\"product\":\"Load product " + p + "\"}";
                    asked.add(clients.submit(() -> patiently(() -> node.post("/api/license-requests", body))));
                }
            }
            List<String> reviews = new ArrayList<>();
            for (Future<Api.Response> request : asked) {
                assertThat(request.get().status()).as(request.get().body()).isEqualTo(201);
                reviews.add(a.api()
                        .as("alice")
                        .get("/engine-rest/task?processInstanceId="
                                + request.get().json().path("processInstanceId").asText())
                        .json()
                        .get(0)
                        .path("id")
                        .asText());
            }

            // The burst: every review decided at once, half approved, half denied, over both nodes.
            AtomicInteger busy = new AtomicInteger();
            List<Future<Api.Response>> decided = new ArrayList<>();
            Instant start = Instant.now();
            for (int i = 0; i < reviews.size(); i++) {
                Api node = nodes.get(i % 2).as("alice");
                String path = "/engine-rest/task/" + reviews.get(i) + "/submit-form";
                String body = i % 2 == 0
                        ? "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}"
                        : "{\"variables\":{\"decision\":{\"value\":\"deny\"},\"denyConfirmed\":{\"value\":true}}}";
                decided.add(clients.submit(() -> patiently(() -> node.post(path, body), busy)));
            }
            for (Future<Api.Response> decision : decided) {
                assertThat(decision.get().status()).as(decision.get().body()).isEqualTo(204);
            }
            Duration burst = Duration.between(start, Instant.now());
            awaitTrue(
                    Duration.ofMinutes(2),
                    () -> database.count("select count(*) from act_ru_ext_task") == 0
                            && database.count("select count(*) from notification where status = 'QUEUED'") == 0);
            Duration settled = Duration.between(start, Instant.now());

            assertThat(database.count("select count(*) from act_ru_incident"))
                    .as("failed jobs")
                    .isZero();
            assertThat(database.count("select count(*) from act_ru_job where retries_ = 0"))
                    .isZero();
            for (PackagedApplication node : List.of(a, b)) {
                assertThat(node.log())
                        .as("no job failed even once, no caller starved of a connection")
                        .doesNotContain("ENGINE-14006", "Connection is not available");
            }
            assertThat(database.count("""
                    select count(*) from subscription s where s.product_id like 'LOAD_%' and (s.assigned_seats > s.quantity
                    or s.assigned_seats <> (select count(*) from license_assignment l
                                            where l.subscription_id = s.id and l.active_product_id is not null))""")).isZero();
            long assigned = database.count("select count(*) from license_assignment where product_id like 'LOAD_%' "
                    + "and active_product_id is not null");
            long approved = (reviews.size() + 1) / 2;
            long denied = reviews.size() - approved;
            assertThat(assigned).as("every seat given once, none more").isEqualTo((long) products * seatsEach);
            assertThat(database.count(
                            "select count(*) from act_ru_task where task_def_key_ = 'Activity_ResolveSeatShortage'"))
                    .as("the approvals beyond the seats wait for an admin")
                    .isEqualTo(approved - assigned);
            List<String> messageIds = smtp.messageIds();
            assertThat(messageIds)
                    .as("one email per decision that reached a user")
                    .hasSize((int) (sentBefore + denied + assigned));
            assertThat(messageIds).doesNotHaveDuplicates();
            assertThat(database.count("select count(*) from notification where status = 'SENT'"))
                    .isEqualTo(messageIds.size());
            System.out.printf(
                    "%n=== Two nodes, one PostgreSQL database: %d decisions (%d approved, %d denied) from 32 "
                            + "clients in %.1f s = %.0f decisions/s; %d answers 503 Busy, retried; all %d emails sent "
                            + "%.1f s after the burst began; 0 failed jobs, 0 seats oversold, each email once ===%n%n",
                    reviews.size(),
                    approved,
                    denied,
                    burst.toMillis() / 1000.0,
                    reviews.size() * 1000.0 / burst.toMillis(),
                    busy.get(),
                    messageIds.size(),
                    settled.toMillis() / 1000.0);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    @Order(3)
    void aNodeKilledRightAfterItAcknowledgedARequestHasItWhenStartedAgain() {
        database.execute("insert into product (id, name, list_price_per_seat, self_service_policy) values "
                + "('CRASH', 'Crash product', 5.00, 'DISABLED')");
        database.execute(
                "insert into subscription (product_id, kind, quantity, term_start, expires_on, price_per_seat) "
                        + "values ('CRASH', 'CENTRAL', 5, current_date, current_date + 365, 5.00)");
        Api.Response asked = a.api()
                .as("noah")
                .post(
                        "/api/license-requests",
                        "{\"product\":\"Crash product\",\"justification\":\"Asked right before the crash\"}");
        a.kill();
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        String id = asked.json().path("id").asText();

        a = PackagedApplication.start("cluster-a-restarted", arguments, Map.of())
                .awaitReady(STARTED);
        Api alice = a.api().as("alice");
        JsonNode request = alice.get("/api/license-requests/" + id).json();
        assertThat(request.path("status").asText()).isEqualTo("PENDING");
        JsonNode review = alice.get("/engine-rest/task?processInstanceId="
                        + request.path("processInstanceId").asText())
                .json()
                .get(0);
        Api.Response approved = alice.post(
                "/engine-rest/task/" + review.path("id").asText() + "/submit-form",
                "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(204);
        assertThat(alice.get("/api/license-requests/" + id)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("APPROVED");
    }

    @Test
    @Order(4)
    void whenTheNodeHoldingAChunkOfATakeoverDiesTheOtherFinishesItWithinAMinute() throws Exception {
        int users = 10_000;
        Map<String, PackagedApplication> byNode = new HashMap<>();
        byNode.put(a.api().get("/api/me").header("X-LicenseFlow-Node"), a);
        byNode.put(b.api().get("/api/me").header("X-LicenseFlow-Node"), b);
        long source = moveSetUp(database, users);
        long target = database.count("select id from subscription where product_id = 'MOVE' and kind = 'CENTRAL'");

        Api.Response started = a.api()
                .as("bill")
                .post(
                        "/api/subscriptions/" + source + "/takeover",
                        "{\"action\":\"move\",\"targetSubscriptionId\":" + target + "}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        // A chunk updates the old subscription's seat counter: holding that row makes the node that
        // runs the next chunk wait inside it, so the kill finds it holding the chunk's job.
        String holder;
        PackagedApplication survivor;
        Instant killed;
        try (AutoCloseable seatCounter =
                database.lockRows("select id from subscription where id = " + source + " for update")) {
            holder = awaitChunkHolder(database);
            PackagedApplication dying = byNode.get(holder);
            survivor = dying == a ? b : a;
            dying.kill();
            killed = Instant.now();
        }
        assertThat(database.count("select count(*) from act_ru_job where lock_owner_ = '" + holder + "'"))
                .as("it died holding the chunk")
                .isOne();

        awaitTrue(
                Duration.ofMinutes(2),
                () -> "MOVED"
                        .equals(survivor.api()
                                .as("bill")
                                .get("/api/subscriptions/" + source + "/takeover")
                                .json()
                                .path("status")
                                .asText()));
        Duration takeover = Duration.between(killed, Instant.now());
        assertThat(takeover).as("finished by the surviving node").isLessThan(Duration.ofSeconds(60));
        assertThat(database.count("select count(*) from license_assignment where subscription_id = " + target
                        + " and active_product_id is not null"))
                .isEqualTo(users);
        assertThat(database.count("""
                select count(*) from (select user_id from license_assignment where active_product_id is not null
                and product_id = 'MOVE' group by user_id having count(*) <> 1) twice""")).isZero();
        System.out.printf(
                "%n=== The node holding a chunk of a %d-user takeover was killed; the other node "
                        + "finished the move %.1f s later (job lock: 30 s) ===%n%n",
                users, takeover.toMillis() / 1000.0);
    }

    /** A self-service subscription of {@code users} users bought by emma, and a central one with a seat for each. */
    private static long moveSetUp(PostgresForJars database, int users) {
        database.execute("insert into product (id, name, list_price_per_seat, self_service_policy) values "
                + "('MOVE', 'Move product', 5.00, 'ENABLED')");
        database.execute("insert into directory_user (id, display_name, email, user_type, usage_location) select "
                + "'mover' || g, 'Mover ' || g, 'mover' || g || '@load.example', 'MEMBER', 'NL' "
                + "from generate_series(1, " + users + ") g");
        database.execute(
                "insert into subscription (product_id, kind, purchaser_id, quantity, assigned_seats, term_start, "
                        + "expires_on, price_per_seat, cancellation_window_days) values ('MOVE', 'SELF_SERVICE', 'emma', "
                        + users + ", " + users + ", current_date - 60, current_date + 300, 5.00, 7)");
        database.execute(
                "insert into subscription (product_id, kind, quantity, term_start, expires_on, price_per_seat) "
                        + "values ('MOVE', 'CENTRAL', " + users + ", current_date, current_date + 365, 4.00)");
        long source = database.count("select id from subscription where product_id = 'MOVE' and kind = 'SELF_SERVICE'");
        database.execute("insert into license_assignment (user_id, subscription_id, product_id, active_product_id, "
                + "assigned_at, assigned_by) select 'mover' || g, " + source + ", 'MOVE', 'MOVE', now(), 'emma' "
                + "from generate_series(1, " + users + ") g");
        return source;
    }

    /** The node that has locked a chunk of the move. */
    private static String awaitChunkHolder(PostgresForJars database) {
        String[] holder = new String[1];
        awaitTrue(Duration.ofMinutes(1), () -> {
            holder[0] = database.text("select j.lock_owner_ from act_ru_job j join act_ru_jobdef d on d.id_ = "
                    + "j.job_def_id_ where d.act_id_ = 'Activity_MoveNextChunk' and j.lock_owner_ is not null");
            return holder[0] != null;
        });
        return holder[0];
    }

    /** The call, sent again after its Retry-After while the node answers 503 Busy. */
    private static Api.Response patiently(java.util.function.Supplier<Api.Response> call, AtomicInteger busy) {
        while (true) {
            Api.Response response = call.get();
            if (response.status() != 503) {
                return response;
            }
            busy.incrementAndGet();
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(Long.parseLong(response.header("Retry-After"))));
        }
    }

    private static Api.Response patiently(java.util.function.Supplier<Api.Response> call) {
        return patiently(call, new AtomicInteger());
    }

    private static void awaitTrue(Duration limit, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Not done within " + limit);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** An SMTP server both nodes send to, to count what arrives. */
    private record Smtp(GreenMail server, int port) implements AutoCloseable {

        static Smtp start() throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            return new Smtp(server, port);
        }

        List<String> messageIds() throws MessagingException {
            List<String> ids = new ArrayList<>();
            for (MimeMessage message : server.getReceivedMessages()) {
                ids.add(message.getMessageID());
            }
            return ids;
        }

        @Override
        public void close() {
            server.stop();
        }
    }
}
