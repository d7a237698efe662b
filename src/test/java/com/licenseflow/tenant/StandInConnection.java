package com.licenseflow.tenant;

import com.licenseflow.support.GraphStandIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Points the running application at a Graph stand-in for one test, as if freshly connected (no token yet, nothing
 * left to send), and back to its configured tenant after it.
 */
@Component
class StandInConnection {

    private final TenantConnection connection;
    private final GraphClient graph;
    private final JdbcClient jdbc;
    private TenantSettings configured;

    StandInConnection(TenantConnection connection, GraphClient graph, JdbcClient jdbc) {
        this.connection = connection;
        this.graph = graph;
        this.jdbc = jdbc;
    }

    void connect(GraphStandIn standIn) {
        configured = connection.settings();
        connection.use(standIn.settings());
        standIn.server().resetAll();
        standIn.tenant().reset();
        standIn.answerTokensAndBatches();
        graph.forgetToken();
        // Changes an earlier test left unsent, and the write budget it spent, are not this test's.
        jdbc.sql("delete from tenant_change").update();
        jdbc.sql("delete from tenant_write_spent").update();
        jdbc.sql("update tenant_writer_lease set quiet_until = null").update();
    }

    void disconnect() {
        connection.use(configured);
    }
}
