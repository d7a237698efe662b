package com.licenseflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.support.PackagedApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How an installation without demo data starts, against the packaged jar: its first Global
 * administrator comes from configuration, nothing starts without one, and the demo users of a
 * database that once held demo data cannot keep logging in.
 */
class ProductionStartIT {

    private static final String STARTED = "Started LicenseFlowApplication";

    @Test
    void withoutDemoDataOrAnAdministratorItRefusesToStartAndSaysHowToNameOne() {
        PackagedApplication app = PackagedApplication.start(
                "production-no-admin",
                List.of("--spring.datasource.url=jdbc:h2:mem:noadmin", "--licenseflow.demo.enabled=false"),
                Map.of());
        assertThat(app.awaitExit()).isNotZero();
        assertThat(app.log())
                .contains(
                        "LicenseFlow has no Global administrator",
                        "set LICENSEFLOW_ADMIN_USER_ID and LICENSEFLOW_ADMIN_PASSWORD");
    }

    @Test
    void demoLoginsOfAnOlderDatabaseAreRefusedThenRemovedAndTheConfiguredAdministratorRules() throws IOException {
        Path data = Files.createTempDirectory(Path.of("target"), "production-start-")
                .toAbsolutePath();
        // Each start runs in the same directory with the default database (data/ under it), as a user's would.
        PackagedApplication demo = PackagedApplication.startIn(
                        data, "production-demo", List.of("--licenseflow.demo.enabled=true"), Map.of())
                .awaitReady("Demo data seeded");
        assertThat(demo.api().as("alice").get("/api/me").status()).isEqualTo(200);
        demo.stop();
        assertThat(demo.log())
                .as("a stop closes the database after the engine, with nothing to complain about")
                .doesNotContain("Database is already closed", " ERROR ");

        Path secret = data.resolve("admin-password");
        Files.writeString(secret, "a-long-secret-password\n");
        Map<String, String> admin =
                Map.of("LICENSEFLOW_ADMIN_USER_ID", "root-admin", "LICENSEFLOW_ADMIN_PASSWORD_FILE", secret.toString());
        PackagedApplication refused = PackagedApplication.startIn(
                data, "production-demo-logins", List.of("--licenseflow.demo.enabled=false"), admin);
        assertThat(refused.awaitExit()).isNotZero();
        assertThat(refused.log())
                .contains("still holds the demo logins", "alice", "LICENSEFLOW_DEMO_REMOVE_LOGINS=true");

        PackagedApplication production = PackagedApplication.startIn(
                        data,
                        "production-start",
                        List.of("--licenseflow.demo.enabled=false"),
                        Map.of(
                                "LICENSEFLOW_ADMIN_USER_ID",
                                "root-admin",
                                "LICENSEFLOW_ADMIN_PASSWORD_FILE",
                                secret.toString(),
                                "LICENSEFLOW_DEMO_REMOVE_LOGINS",
                                "true"))
                .awaitReady(STARTED);
        try {
            assertThat(production.api().as("alice").get("/api/me").status())
                    .as("demo login removed")
                    .isEqualTo(401);
            assertThat(production.api().as("bill").get("/engine-rest/task").status())
                    .isEqualTo(401);
            assertThat(production
                            .api()
                            .as("root-admin", "a-long-secret-password")
                            .get("/api/me")
                            .status())
                    .isEqualTo(200);
            assertThat(production.api().get("/camunda/app/admin/default/setup/").status())
                    .isEqualTo(403);
        } finally {
            production.stop();
        }
    }
}
