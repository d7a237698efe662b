package com.licenseflow.benchmark;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.support.Api;
import com.licenseflow.support.GraphStandIn;
import com.licenseflow.support.PackagedApplication;
import com.licenseflow.support.PostgresForJars;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Not a test: a measurement, left out of the normal run. "Read the tenant" of the packaged jar (PostgreSQL,
 * the JVM's own defaults) against a local Graph stand-in listing 5,000 and then 50,000 users in pages of 1,000
 * (Graph's delta query), each page a job. Prints the time the read took and the heap: its peak while reading
 * (sampled every 200 ms, garbage included) and after a full collection at the end. Goal: memory flat in the
 * number of users (one page is held at a time, never a list of all of them).
 *
 * <pre>mvn -B -DskipTests package && mvn -B -Pbenchmark test -Dtest=TenantReadBenchmark</pre>
 */
class TenantReadBenchmark {

    private static final int PAGE = 1_000;

    record Run(int users, double seconds, long peakHeapMb, long heapAfterMb, long usersInDirectory) {}

    @Test
    void readingTheUsersOfALargeTenantKeepsMemoryFlat() throws Exception {
        List<Run> runs = new ArrayList<>();
        try (GraphStandIn graph = GraphStandIn.start()) {
            for (int users : new int[] {
                Integer.getInteger("benchmark.tenant.small", 5_000),
                Integer.getInteger("benchmark.tenant.large", 50_000)
            }) {
                runs.add(read(graph, users));
            }
        }
        System.out.printf(
                "%n%-10s %10s %16s %18s %12s%n", "users", "seconds", "peak heap MB", "heap after GC MB", "users/s");
        for (Run run : runs) {
            System.out.printf(
                    "%-10s %10.1f %16d %18d %12.0f%n",
                    String.format("%,d", run.users()),
                    run.seconds(),
                    run.peakHeapMb(),
                    run.heapAfterMb(),
                    run.users() / run.seconds());
        }
        Run small = runs.get(0);
        Run large = runs.get(1);
        System.out.printf(
                "%.0fx the users: %.1fx the time, %.2fx the peak heap, %.2fx the heap after GC%n",
                (double) large.users() / small.users(),
                large.seconds() / small.seconds(),
                (double) large.peakHeapMb() / small.peakHeapMb(),
                (double) large.heapAfterMb() / small.heapAfterMb());
        runs.forEach(run -> assertThat(run.usersInDirectory()).isEqualTo(run.users()));
    }

    private Run read(GraphStandIn graph, int users) throws Exception {
        graph.server().resetAll();
        graph.server()
                .stubFor(post(urlPathEqualTo("/" + GraphStandIn.TENANT + "/oauth2/v2.0/token"))
                        .willReturn(okJson(
                                "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"benchmark\"}")));
        graph.server().stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(okJson("{\"value\":[]}")));
        graph.users(users, PAGE);

        try (PostgresForJars database = PostgresForJars.freshSchema()) {
            List<String> arguments = new ArrayList<>(database.jarArguments());
            arguments.addAll(graph.jarArguments());
            PackagedApplication app = PackagedApplication.startAsInProduction("tenant-read-benchmark", arguments)
                    .awaitReady("Demo data seeded");
            try {
                Api alice = app.api().as("alice");
                JsonNode timer = alice.get("/engine-rest/job?processDefinitionKey=tenant-read&timers=true")
                        .json();
                assertThat(timer).hasSize(1);
                AtomicLong peak = new AtomicLong();
                Thread sampler = new Thread(() -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        peak.accumulateAndGet(app.heapInUseMb(), Math::max);
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                long began = System.nanoTime();
                sampler.start();
                assertThat(alice.post(
                                        "/engine-rest/job/"
                                                + timer.get(0).path("id").asText() + "/execute",
                                        "{}")
                                .status())
                        .isEqualTo(204);
                long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
                while (alice.get(
                                        "/engine-rest/history/process-instance/count?processDefinitionKey=tenant-read&finished=true")
                                .json()
                                .path("count")
                                .asLong()
                        == 0) {
                    assertThat(alice.get("/engine-rest/incident/count")
                                    .json()
                                    .path("count")
                                    .asLong())
                            .as(app.log())
                            .isZero();
                    assertThat(System.nanoTime()).as("read within 10 minutes").isLessThan(deadline);
                    Thread.sleep(100);
                }
                double seconds = (System.nanoTime() - began) / 1e9;
                sampler.interrupt();
                sampler.join();
                return new Run(
                        users,
                        seconds,
                        peak.get(),
                        app.heapUsedAfterGcMb(),
                        database.count("select count(*) from directory_user where tenant_user_id is not null"));
            } finally {
                app.stop();
            }
        }
    }
}
