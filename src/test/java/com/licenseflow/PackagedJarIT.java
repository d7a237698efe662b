package com.licenseflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.support.Api;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, started as a user would start it (java -jar), deploys the models with their
 * forms: formRef with binding "deployment" resolves from inside the Spring Boot fat jar too.
 */
class PackagedJarIT {

    private static Process application;
    private static Api api;
    private static Path log;

    @BeforeAll
    static void start() throws Exception {
        File jar = new File("target/licenseflow.jar");
        assertThat(jar).as("run after mvn package").exists();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        log = Path.of("target", "packaged-jar-it.log");
        application = new ProcessBuilder(List.of(javaBinary(), "-jar", jar.getPath(), "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:mem:packaged;DB_CLOSE_DELAY=-1", "--licenseflow.demo.enabled=true",
                "--licenseflow.mail.embedded-server.port=0", "--camunda.bpm.job-execution.enabled=false"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        api = Api.at(port);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (!application.isAlive()) {
                throw new AssertionError("The jar stopped:\n" + Files.readString(log));
            }
            if (up() && Files.readString(log).contains("Demo data seeded")) {
                return;
            }
            // Polls the starting process; waitFor returns early if it dies.
            application.waitFor(250, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("The jar did not start in time:\n" + Files.readString(log));
    }

    private static boolean up() {
        try {
            return api.get("/engine-rest/engine").status() == 200;
        } catch (IllegalStateException notYet) {
            return false;
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (application != null) {
            application.destroy();
            application.waitFor();
        }
    }

    @Test
    void theStartFormIsServedFromTheDeployment() {
        Api.Response form = api.as("alice").get("/engine-rest/process-definition/key/license-request/deployed-start-form");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.json().path("id").asText()).isEqualTo("request-license");
    }

    @Test
    void aRequestMadeThroughTheApiOpensAReviewTaskWithItsForm() {
        Api.Response created = api.as("emma").post("/api/license-requests",
                "{\"product\":\"Microsoft 365 Business Standard\",\"colleagues\":[\"sem@contoso.example\"],"
                        + "\"justification\":\"Packaged jar check\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String processInstance = created.json().path("processInstanceId").asText();

        Api.Response tasks = api.as("alice").get("/engine-rest/task?processInstanceId=" + processInstance);
        assertThat(tasks.json()).hasSize(1);
        Api.Response form = api.as("alice").get("/engine-rest/task/" + tasks.json().get(0).path("id").asText()
                + "/deployed-form");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.json().path("id").asText()).isEqualTo("review-license-request");
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
