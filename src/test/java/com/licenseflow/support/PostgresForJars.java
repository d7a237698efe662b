package com.licenseflow.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty PostgreSQL schema on 127.0.0.1:5432 for packaged jars to share, as nodes of one
 * installation share its database; dropped on {@link #close}. Without PostgreSQL the test is
 * skipped with a reason, unless LICENSEFLOW_POSTGRES_REQUIRED=1 (as in .ci/run).
 */
public final class PostgresForJars implements AutoCloseable {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private final String schema;

    private PostgresForJars(String schema) {
        this.schema = schema;
    }

    public static PostgresForJars freshSchema() {
        if (!TestDatabase.postgresListening()) {
            if ("1".equals(System.getenv("LICENSEFLOW_POSTGRES_REQUIRED"))) {
                throw new IllegalStateException("PostgreSQL required but nothing listens on 127.0.0.1:5432");
            }
            Assumptions.abort("PostgreSQL is not reachable on 127.0.0.1:5432; test skipped");
        }
        PostgresForJars database = new PostgresForJars(IsolatedPostgresSchema.name("lf_test_jar_"));
        try (Connection connection = database.connect();
                Statement statement = connection.createStatement()) {
            IsolatedPostgresSchema.createSharedExtensions(statement);
            statement.execute("create schema " + database.schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare a PostgreSQL schema for the jars", e);
        }
        return database;
    }

    /** What a node needs to run on this schema: the production profile, pointed here, with demo data. */
    public List<String> jarArguments() {
        return List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + URL + "?currentSchema=" + schema,
                "--spring.flyway.schemas=" + schema,
                "--camunda.bpm.database.schema-name=" + schema,
                "--camunda.bpm.database.table-prefix=" + schema + ".",
                "--licenseflow.demo.enabled=true");
    }

    public long count(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public String text(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    public void execute(String sql) {
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Locks the rows {@code selectForUpdate} selects, as another transaction would, until the
     * returned lock is closed: work that needs them waits meanwhile.
     */
    public AutoCloseable lockRows(String selectForUpdate) {
        try {
            Connection connection = connect();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery(selectForUpdate).close();
            }
            return () -> {
                connection.rollback();
                connection.close();
            };
        } catch (SQLException e) {
            throw new IllegalStateException(selectForUpdate, e);
        }
    }

    /** A connection to this schema, for a test that writes much at once (a generated tenant). */
    public Connection connection() {
        try {
            return connect();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot connect to " + schema, e);
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(URL, "postgres", "");
        connection.setSchema(schema);
        return connection;
    }

    @Override
    public void close() {
        execute("drop schema if exists " + schema + " cascade");
    }
}
