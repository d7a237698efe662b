package com.licenseflow.benchmark;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import com.licenseflow.support.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: a measurement, left out of the normal run. Moves 10,000 users of a self-service
 * subscription to a central one through the real takeover process (start, seat reservation, one
 * job per chunk, cancelling the old subscription, the purchaser's email), then makes the same row
 * changes with plain batched JDBC on an identical data set, and prints both times and their ratio.
 *
 * <pre>mvn -B -Pbenchmark test                                        # H2
 * mvn -B -Pbenchmark test -Dbenchmark.database=postgres          # PostgreSQL on 127.0.0.1:5432</pre>
 */
@IntegrationTest
class TakeoverBenchmark {

    static final int USERS = Integer.getInteger("benchmark.users", 10_000);
    static final int WARM_UP_USERS = 1_000;
    static final int BATCH = 1_000;
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessDriver driver;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    record DataSet(Product product, long source, long target, List<String> users) {}

    @Test
    void moveTenThousandUsers() throws SQLException {
        BpmnAwareTests.init(engine);
        String admin = fixtures.admin(BILLING_ADMIN).id();

        // Warm-up: the JIT, the engine's caches and the database's plans, for both ways.
        throughTheProcess(dataSet("warm", WARM_UP_USERS), admin);
        withPlainJdbc(dataSet("warmjdbc", WARM_UP_USERS), admin);

        StringBuilder report = new StringBuilder(String.format(
                "%n=== Takeover benchmark (%s): moving %,d users, "
                        + "%d chunk jobs of %d through the process, batches of %d with plain JDBC ===%n",
                TestDatabase.onPostgres() ? "PostgreSQL" : "H2", USERS, (USERS + BATCH - 1) / BATCH, BATCH, BATCH));
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            DataSet viaProcess = dataSet("proc", USERS);
            DataSet viaJdbc = dataSet("jdbc", USERS);
            long processMillis = throughTheProcess(viaProcess, admin);
            long jdbcMillis = withPlainJdbc(viaJdbc, admin);
            for (DataSet set : List.of(viaProcess, viaJdbc)) {
                assertThat(fixtures.holders(set.source())).isEmpty();
                assertThat(jdbc.sql("select count(*) from license_assignment where subscription_id = ? "
                                        + "and active_product_id is not null")
                                .param(set.target())
                                .query(Integer.class)
                                .single())
                        .isEqualTo(USERS);
            }
            double ratio = (double) processMillis / jdbcMillis;
            ratios.add(ratio);
            report.append(String.format(
                    "round %d: process %,d ms, plain batched JDBC %,d ms, ratio process / JDBC %.2f%n",
                    round, processMillis, jdbcMillis, ratio));
        }
        ratios.sort(Double::compare);
        report.append(String.format("median ratio process / JDBC: %.2f%n", ratios.get(ratios.size() / 2)));
        System.out.println(report);
    }

    /** Start to end of the real process, every job run back to back as the job executor would. */
    private long throughTheProcess(DataSet set, String admin) {
        long start = System.nanoTime();
        ProcessInstance pi = driver.as(
                admin,
                () -> runtime.startProcessInstanceByKey(
                        "subscription-takeover",
                        Map.of(
                                "subscriptionId",
                                set.source(),
                                "takeoverAction",
                                "move",
                                "targetSubscriptionId",
                                set.target())));
        while (driver.job(pi.getId(), "Activity_MoveNextChunk") != null) {
            driver.runJob(pi.getId(), "Activity_MoveNextChunk");
        }
        driver.runJob(pi.getId(), "Activity_EmailPurchaserMoved");
        long millis = (System.nanoTime() - start) / 1_000_000;
        BpmnAwareTests.assertThat(pi).isEnded();
        return millis;
    }

    /**
     * The same row changes without the process: reserve the seats, then per batch of users unassign the
     * old licenses, insert the new ones and two audit rows per user, adjust the seat counters, commit;
     * finally delete the old subscription.
     */
    private long withPlainJdbc(DataSet set, String admin) throws SQLException {
        long start = System.nanoTime();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate keptUntil = LocalDate.now(clock).plusDays(30);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement reserve = c.prepareStatement(
                    "update subscription set assigned_seats = assigned_seats + ? where id = ? and assigned_seats + ? <= quantity")) {
                reserve.setInt(1, set.users().size());
                reserve.setLong(2, set.target());
                reserve.setInt(3, set.users().size());
                reserve.executeUpdate();
            }
            c.commit();
            while (true) {
                List<long[]> ids = new ArrayList<>();
                List<String> userIds = new ArrayList<>();
                List<String> plans = new ArrayList<>();
                try (PreparedStatement next =
                        c.prepareStatement("select id, user_id, disabled_plans from license_assignment "
                                + "where subscription_id = ? and active_product_id is not null order by id fetch first "
                                + BATCH
                                + " rows only")) {
                    next.setLong(1, set.source());
                    try (ResultSet rs = next.executeQuery()) {
                        while (rs.next()) {
                            ids.add(new long[] {rs.getLong(1)});
                            userIds.add(rs.getString(2));
                            plans.add(rs.getString(3));
                        }
                    }
                }
                if (ids.isEmpty()) {
                    break;
                }
                try (PreparedStatement unassign = c.prepareStatement(
                                "update license_assignment set active_product_id = null, "
                                        + "unassigned_at = ?, unassigned_by = ?, data_retained_until = ? where id = ?");
                        PreparedStatement assign = c.prepareStatement(
                                "insert into license_assignment (user_id, subscription_id, "
                                        + "product_id, active_product_id, disabled_plans, assigned_at, assigned_by) values (?, ?, ?, ?, ?, ?, ?)");
                        PreparedStatement audit = c.prepareStatement(
                                "insert into audit_log (occurred_at, actor, action, user_id, "
                                        + "product_id, subscription_id, details, reason, process_instance_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < ids.size(); i++) {
                        unassign.setObject(1, now);
                        unassign.setString(2, admin);
                        unassign.setObject(3, keptUntil);
                        unassign.setLong(4, ids.get(i)[0]);
                        unassign.addBatch();
                        assign.setString(1, userIds.get(i));
                        assign.setLong(2, set.target());
                        assign.setString(3, set.product().id());
                        assign.setString(4, set.product().id());
                        assign.setString(5, plans.get(i));
                        assign.setObject(6, now);
                        assign.setString(7, admin);
                        assign.addBatch();
                        addAudit(
                                audit,
                                now,
                                admin,
                                "LICENSE_UNASSIGNED",
                                userIds.get(i),
                                set.product().id(),
                                set.source());
                        addAudit(
                                audit,
                                now,
                                admin,
                                "LICENSE_ASSIGNED",
                                userIds.get(i),
                                set.product().id(),
                                set.target());
                    }
                    unassign.executeBatch();
                    assign.executeBatch();
                    audit.executeBatch();
                }
                try (PreparedStatement seats = c.prepareStatement(
                        "update subscription set assigned_seats = assigned_seats - ? where id = ?")) {
                    seats.setInt(1, ids.size());
                    seats.setLong(2, set.source());
                    seats.executeUpdate();
                }
                c.commit();
            }
            try (PreparedStatement delete = c.prepareStatement(
                    "update subscription set status = 'DELETED', recurring_billing = false where id = ?")) {
                delete.setLong(1, set.source());
                delete.executeUpdate();
            }
            c.commit();
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void addAudit(
            PreparedStatement audit,
            OffsetDateTime now,
            String admin,
            String action,
            String user,
            String product,
            long subscription)
            throws SQLException {
        audit.setObject(1, now);
        audit.setString(2, admin);
        audit.setString(3, action);
        audit.setString(4, user);
        audit.setString(5, product);
        audit.setLong(6, subscription);
        audit.setString(7, "License moved for user " + user);
        audit.setString(8, "benchmark");
        audit.setString(9, null);
        audit.addBatch();
    }

    /**
     * {@code count} directory users holding licenses of a new self-service subscription (every third
     * one with a service switched off), and a central subscription with a seat for each, all
     * inserted with batched JDBC so that setting up does not dominate the run.
     */
    private DataSet dataSet(String tag, int count) {
        Product product = fixtures.product(SelfServicePolicy.ENABLED, 3);
        String purchaser = fixtures.member().id();
        long source = fixtures.selfService(
                product, purchaser, count, LocalDate.now(clock).minusDays(30), 7);
        long target = fixtures.central(product, count);
        String prefix = Fixtures.unique("bench-" + tag + "-");
        List<String> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add(prefix + "-" + i);
        }
        jdbcTemplate.batchUpdate(
                "insert into directory_user (id, display_name, email, user_type, usage_location) "
                        + "values (?, ?, ?, 'MEMBER', 'NL')",
                users,
                BATCH,
                (ps, user) -> {
                    ps.setString(1, user);
                    ps.setString(2, "Benchmark " + user);
                    ps.setString(3, user + "@bench.example");
                });
        String switchedOff = product.servicePlans().get(0).id();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Integer> positions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            positions.add(i);
        }
        jdbcTemplate.batchUpdate(
                "insert into license_assignment (user_id, subscription_id, product_id, active_product_id, "
                        + "disabled_plans, assigned_at, assigned_by) values (?, ?, ?, ?, ?, ?, ?)",
                positions,
                BATCH,
                (ps, i) -> {
                    ps.setString(1, users.get(i));
                    ps.setLong(2, source);
                    ps.setString(3, product.id());
                    ps.setString(4, product.id());
                    ps.setString(5, i % 3 == 0 ? switchedOff : "");
                    ps.setObject(6, now);
                    ps.setString(7, purchaser);
                });
        jdbc.sql("update subscription set assigned_seats = ? where id = ?")
                .params(count, source)
                .update();
        return new DataSet(product, source, target, users);
    }
}
