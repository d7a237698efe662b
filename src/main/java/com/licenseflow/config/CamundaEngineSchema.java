package com.licenseflow.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Creates the Camunda engine's tables as a Flyway migration, from the scripts the engine itself
 * ships, so that they are created once under Flyway's lock however many nodes start at the same
 * moment; the engine then only checks them ({@code camunda.bpm.database.schema-update: false}).
 * Left to the engine, every node runs the create scripts and all but one fail.
 *
 * <p>A database whose engine tables exist already (created by the engine before LicenseFlow owned
 * them) is left as it is. Moving to a later 7.x engine means a further migration that runs that
 * version's upgrade scripts ({@code org/camunda/bpm/engine/db/upgrade/}) the same way.
 */
@Component
class CamundaEngineSchema implements JavaMigration {

    /** In the order the engine creates them. */
    private static final List<String> COMPONENTS = List.of(
            "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("7");
    }

    @Override
    public String getDescription() {
        return "Camunda " + ProcessEngine.VERSION + " engine schema";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (engineTablesExist(connection.getMetaData())) {
            return;
        }
        String database = databaseType(connection.getMetaData());
        try (Statement statement = connection.createStatement()) {
            for (String component : COMPONENTS) {
                for (String sql : statements(
                        "org/camunda/bpm/engine/db/create/activiti." + database + ".create." + component + ".sql")) {
                    statement.execute(sql);
                }
            }
        }
    }

    private static boolean engineTablesExist(DatabaseMetaData metaData) throws SQLException {
        for (String name : List.of("ACT_GE_PROPERTY", "act_ge_property")) {
            try (ResultSet tables = metaData.getTables(null, null, name, null)) {
                while (tables.next()) {
                    String schema = tables.getString("TABLE_SCHEM");
                    if (schema == null
                            || schema.equalsIgnoreCase(metaData.getConnection().getSchema())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String databaseType(DatabaseMetaData metaData) throws SQLException {
        String product = metaData.getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return "postgres";
        }
        if (product.contains("h2")) {
            return "h2";
        }
        throw new IllegalStateException("LicenseFlow creates the engine's tables on H2 and PostgreSQL only, not on "
                + metaData.getDatabaseProductName());
    }

    /** The script's statements, split as the engine splits them: at a line ending in ';', comment lines left out. */
    static List<String> statements(String resource) throws IOException {
        String script;
        try (InputStream in = CamundaEngineSchema.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The engine jar has no " + resource);
            }
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : script.split("\\R")) {
            String line = raw.trim();
            if (line.isEmpty() || line.startsWith("--") || line.startsWith("# ")) {
                continue;
            }
            if (line.endsWith(";")) {
                current.append(line, 0, line.length() - 1);
                statements.add(current.toString());
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        return statements;
    }
}
