package com.licenseflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * On PostgreSQL every Spring context of the test suite gets a schema of its own, so contexts never
 * share engine tables (nor run each other's jobs) and every run starts clean. Schemas left by
 * earlier runs are dropped once per JVM, and each context drops its own schema on exit.
 */
public class IsolatedPostgresSchema implements EnvironmentPostProcessor {

    private static final String PREFIX = "lf_test_";
    /** Schemas carry the second they were made in: a sweep leaves those of suites still running alone. */
    private static final Pattern MADE_AT = Pattern.compile("_t(\\d+)$");

    private static final Duration LEFT_BEHIND = Duration.ofHours(6);
    private static final AtomicBoolean SWEPT = new AtomicBoolean();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!TestDatabase.onPostgres()) {
            return;
        }
        String url = environment.getProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/test");
        if (!url.startsWith("jdbc:postgresql:") || url.contains("currentSchema")) {
            return;
        }
        String user = environment.getProperty("spring.datasource.username", "postgres");
        String password = environment.getProperty("spring.datasource.password", "");
        String schema = name(PREFIX);
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            if (SWEPT.compareAndSet(false, true)) {
                for (String old : leftBehind(schemas(connection))) {
                    statement.execute("drop schema " + old + " cascade");
                }
            }
            createSharedExtensions(statement);
            statement.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare a PostgreSQL test schema at " + url, e);
        }
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "isolated-postgres-schema",
                        Map.of(
                                "spring.datasource.url",
                                url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                                "spring.flyway.schemas",
                                schema,
                                "camunda.bpm.database.schema-name",
                                schema,
                                "camunda.bpm.database.table-prefix",
                                schema + ".")));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(url, user, password, schema)));
    }

    /**
     * The extensions the migrations create live in the database, not in a schema: two test JVMs migrating their
     * own schemas on a fresh database would both create pg_trgm at the same moment and one would fail on the
     * catalogue's unique index. Made here once, one JVM at a time, the migrations find it there.
     */
    static void createSharedExtensions(Statement statement) throws SQLException {
        statement.execute("select pg_advisory_lock(1771)");
        try {
            statement.execute("create extension if not exists pg_trgm schema public");
        } finally {
            statement.execute("select pg_advisory_unlock(1771)");
        }
    }

    /** A new schema's name: the prefix, something random, the second it was made. */
    public static String name(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_t"
                + Instant.now().getEpochSecond();
    }

    /**
     * Schemas of runs that ended without dropping theirs (killed, or a crashed JVM): older than a
     * few hours, or made before schemas carried their time. Suites running at the same time (two
     * forks, a benchmark) keep theirs.
     */
    static List<String> leftBehind(List<String> schemas) {
        long before = Instant.now().minus(LEFT_BEHIND).getEpochSecond();
        return schemas.stream()
                .filter(schema -> {
                    Matcher madeAt = MADE_AT.matcher(schema);
                    return !madeAt.find() || Long.parseLong(madeAt.group(1)) < before;
                })
                .toList();
    }

    private static List<String> schemas(Connection connection) throws SQLException {
        List<String> found = new ArrayList<>();
        try (ResultSet rs = connection
                .createStatement()
                .executeQuery("select schema_name from information_schema.schemata where schema_name like '" + PREFIX
                        + "%'")) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        return found;
    }

    private static void drop(String url, String user, String password, String schema) {
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            connection.createStatement().execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException ignored) {
            // The next run sweeps it.
        }
    }
}
