package com.licenseflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.support.Api;
import com.licenseflow.support.PackagedApplication;
import com.licenseflow.support.WebappSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is lost: the packaged jar answers 201 to a license request and is killed
 * right after (kill -9: a crash, an OOM kill, a container stop); started again on the same
 * database, the request is there and is decided as if nothing had happened. On the embedded H2
 * database of the default run, as the README's run command starts it; ClusterIT does the same on
 * PostgreSQL.
 */
class DurabilityIT {

    private static final String SEEDED = "Demo data seeded";
    private static final String STARTED = "Started LicenseFlowApplication";

    @Test
    void anAcknowledgedRequestSurvivesAKillOnTheDefaultEmbeddedDatabase() throws IOException {
        // Run from a directory of its own, as a user runs it: the default database is data/ under it.
        Path home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "durability-h2-");
        survivesAKill(name -> PackagedApplication.startIn(home, name, List.of(), Map.of()));
    }

    private interface Node {
        PackagedApplication start(String name);
    }

    private static void survivesAKill(Node node) {
        PackagedApplication first = node.start("durability-first").awaitReady(SEEDED);
        String id;
        try {
            Api.Response asked = first.api()
                    .as("liam")
                    .post(
                            "/api/license-requests",
                            "{\"product\":\"Microsoft 365 Business Standard\",\"colleagues\":[\"julia\"],"
                                    + "\"justification\":\"Asked right before the crash\"}");
            assertThat(asked.status()).as(asked.body()).isEqualTo(201);
            id = asked.json().path("id").asText();
        } finally {
            first.kill();
        }

        PackagedApplication second = node.start("durability-second").awaitReady(STARTED);
        try {
            Api alice = second.api().as("alice");
            JsonNode request = alice.get("/api/license-requests/" + id).json();
            assertThat(request.path("status").asText())
                    .as("acknowledged before the kill")
                    .isEqualTo("PENDING");
            assertThat(request.path("users").findValuesAsText("userId")).containsExactly("liam", "julia");

            String processInstance = request.path("processInstanceId").asText();
            // The approval policy: Liam's manager first, then a License administrator.
            JsonNode stage = alice.get("/engine-rest/task?processInstanceId=" + processInstance)
                    .json()
                    .get(0);
            assertThat(stage.path("assignee").asText()).isEqualTo("noah");
            assertThat(stage.path("name").asText()).startsWith("Approve license request: ");
            // Noah, an employee, works in Tasklist: its door to the engine.
            Api.Response passed = WebappSession.login(second.port(), "noah", "tasklist")
                    .engine(
                            "POST",
                            "/task/" + stage.path("id").asText() + "/submit-form",
                            "{\"variables\":{\"stageDecision\":{\"value\":\"approve\"}}}");
            assertThat(passed.status()).as(passed.body()).isEqualTo(204);
            JsonNode review = alice.get("/engine-rest/task?processInstanceId=" + processInstance)
                    .json()
                    .get(0);
            assertThat(review.path("name").asText()).startsWith("Review license request: ");
            Api.Response approved = WebappSession.login(second.port(), "lars", "tasklist")
                    .engine(
                            "POST",
                            "/task/" + review.path("id").asText() + "/submit-form",
                            "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}");
            assertThat(approved.status()).as(approved.body()).isEqualTo(204);
            assertThat(alice.get("/api/license-requests/" + id)
                            .json()
                            .path("status")
                            .asText())
                    .isEqualTo("APPROVED");
            assertThat(sentTo(alice, id, 2)).containsExactlyInAnyOrder("liam@contoso.example", "julia@contoso.example");
        } finally {
            second.stop();
        }
    }

    /** The recipients of the request's sent emails, once {@code expected} have gone out (the mail worker sends them). */
    private static List<String> sentTo(Api api, String requestId, int expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<String> recipients = new ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            recipients.clear();
            api.get("/api/notifications?status=sent&licenseRequestId=" + requestId)
                    .json()
                    .forEach(n -> recipients.add(n.path("recipientEmail").asText()));
            if (recipients.size() >= expected) {
                break;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        return recipients;
    }
}
