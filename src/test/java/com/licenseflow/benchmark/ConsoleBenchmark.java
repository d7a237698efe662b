package com.licenseflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.support.Api;
import com.licenseflow.support.ConsoleSession;
import com.licenseflow.support.PackagedApplication;
import com.licenseflow.support.PostgresForJars;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a measurement, left out of the normal run. The console's pages and the API's lists on
 * PostgreSQL with a generated large tenant ({@link LargeTenant}: 100,000 users, 300,000 licenses,
 * 2,000 self-service subscriptions) on top of the demo data, against the packaged jar as it runs in
 * production. Prints the p50 and p95 of every page and list call (goal: p95 under 150 ms each, the
 * Licenses view no slower than with the demo data alone), and the start-up time and heap after a full
 * collection with that tenant against the demo data alone (goal: within 1.3x).
 *
 * <pre>mvn -B -DskipTests package && mvn -B -Pbenchmark test -Dtest=ConsoleBenchmark</pre>
 */
class ConsoleBenchmark {

    private static final int WARM_UP = 5;
    private static final int SAMPLES = Integer.getInteger("benchmark.console.samples", 40);
    private static final Pattern STARTED = Pattern.compile("Started LicenseFlowApplication in ([0-9.]+) seconds");

    record Startup(double seconds, long heapMb) {}

    record Timing(String call, long p50, long p95) {}

    @Test
    void pagesAndListsAtTheSizeOfALargeTenant() throws Exception {
        Startup demo;
        List<Timing> demoTimings;
        try (PostgresForJars database = PostgresForJars.freshSchema()) {
            PackagedApplication app = start(database, "Demo data seeded");
            try {
                demo = startup(app);
                demoTimings = measure(app, Map.of("/api/licenses", "GET /api/licenses (the Licenses view)"));
            } finally {
                app.stop();
            }
        }

        try (PostgresForJars database = PostgresForJars.freshSchema()) {
            start(database, "Demo data seeded").stop();
            long began = System.nanoTime();
            long licenses;
            try (Connection connection = database.connection()) {
                licenses = LargeTenant.generate(connection, LargeTenant.Size.LARGE, LocalDate.now());
            }
            System.out.printf(
                    "%nGenerated %,d users, %,d licenses, %,d self-service subscriptions in %.1f s%n",
                    LargeTenant.Size.LARGE.users(),
                    licenses,
                    LargeTenant.Size.LARGE.selfService(),
                    (System.nanoTime() - began) / 1e9);
            PackagedApplication app = start(database, "demo data not seeded again");
            try {
                Startup large = startup(app);
                long central = Long.parseLong(
                        database.text(
                                "select min(id) from subscription where product_id = 'SPB' and kind = 'CENTRAL' and quantity > 1000"));
                String someone = LargeTenant.userId(4242);
                Map<String, String> calls = new LinkedHashMap<>();
                calls.put("/api/licenses", "GET /api/licenses (the Licenses view)");
                calls.put("/api/users", "GET /api/users (first page)");
                calls.put("/api/users?page=1000", "GET /api/users?page=1000 (50,000 in)");
                calls.put("/api/users?q=lindqvist", "GET /api/users?q=lindqvist");
                calls.put("/api/users?type=guest&usageLocation=SE", "GET /api/users?type=guest&usageLocation=SE");
                calls.put("/api/licenses/SPB/users", "GET /api/licenses/SPB/users");
                calls.put("/api/licenses/SPB/users?q=u0042", "GET /api/licenses/SPB/users?q=u0042");
                calls.put("/api/subscriptions?kind=self-service", "GET /api/subscriptions?kind=self-service");
                calls.put(
                        "/api/subscriptions/" + central + "/users?page=100",
                        "GET /api/subscriptions/{id}/users?page=100");
                calls.put("/api/audit", "GET /api/audit");
                calls.put("/api/audit?userId=" + someone, "GET /api/audit?userId=");
                calls.put("/api/audit?productId=SPB&action=license-assigned", "GET /api/audit?productId=&action=");
                calls.put("/api/license-requests?status=pending", "GET /api/license-requests");
                calls.put("/console/licenses", "/console/licenses");
                calls.put("/console/licenses/SPB", "/console/licenses/SPB");
                calls.put("/console/licenses/SPB?q=u0042", "/console/licenses/SPB?q=");
                calls.put("/console/users", "/console/users");
                calls.put("/console/users?q=lindqvist&page=3", "/console/users?q=&page=3");
                calls.put("/console/users/" + someone, "/console/users/{id}");
                calls.put("/console/purchases?product=POWER_BI_PRO", "/console/purchases");
                calls.put("/console/audit", "/console/audit");
                calls.put("/console/audit?user=" + someone, "/console/audit?user=");
                calls.put("/console/requests", "/console/requests");
                calls.put("/console/my-licenses", "/console/my-licenses");
                List<Timing> timings = measure(app, calls);

                System.out.printf(
                        "%n%-48s %8s %8s%n", "call (alice, " + SAMPLES + " samples each)", "p50 ms", "p95 ms");
                timings.forEach(t -> System.out.printf(
                        "%-48s %8d %8d%s%n",
                        t.call(), t.p50(), t.p95(), t.p95() < 150 ? "" : "   over the 150 ms goal"));
                System.out.printf(
                        "%nThe Licenses view: p50 %d ms with the demo data, %d ms with the large tenant%n",
                        demoTimings.get(0).p50(), timings.get(0).p50());
                System.out.printf(
                        "Start-up: %.1f s with the demo data, %.1f s with the large tenant (%.2fx)%n",
                        demo.seconds(), large.seconds(), large.seconds() / demo.seconds());
                System.out.printf(
                        "Heap after a full GC: %d MB with the demo data, %d MB with the large tenant (%.2fx)%n%n",
                        demo.heapMb(), large.heapMb(), (double) large.heapMb() / demo.heapMb());
                assertThat(timings).allSatisfy(t -> assertThat(t.p50()).isPositive());
            } finally {
                app.stop();
            }
        }
    }

    private static PackagedApplication start(PostgresForJars database, String ready) {
        return PackagedApplication.startAsInProduction("console-benchmark", database.jarArguments())
                .awaitReady(ready);
    }

    private static Startup startup(PackagedApplication app) {
        Matcher started = STARTED.matcher(app.log());
        assertThat(started.find()).as("start-up time in the log").isTrue();
        return new Startup(Double.parseDouble(started.group(1)), app.heapUsedAfterGcMb());
    }

    /** Each call as alice: /api with HTTP Basic, /console in a logged-in session. */
    private static List<Timing> measure(PackagedApplication app, Map<String, String> calls) {
        Api api = app.api().as("alice");
        ConsoleSession console = ConsoleSession.login(app.port(), "alice");
        List<Timing> timings = new ArrayList<>();
        calls.forEach((path, name) -> {
            Function<String, Api.Response> call = path.startsWith("/api") ? api::get : console::get;
            List<Long> millis = new ArrayList<>();
            for (int i = 0; i < WARM_UP + SAMPLES; i++) {
                long began = System.nanoTime();
                Api.Response response = call.apply(path);
                long took = (System.nanoTime() - began) / 1_000_000;
                assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
                if (i >= WARM_UP) {
                    millis.add(took);
                }
            }
            Collections.sort(millis);
            timings.add(new Timing(
                    name, millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.95) - 1)));
        });
        return timings;
    }
}
