package com.licenseflow.benchmark;

import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.lifecycle.IdleLicenseReclaimProcess;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.support.ProcessDriver;
import com.licenseflow.support.TestDatabase;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: a measurement, left out of the normal run. "Reclaim idle licenses" over a tenant of
 * 10,000 and of 100,000 license holders, 10 % of them idle (one in ten of those with a disabled
 * account), reporting to the same 100 managers: the run finds them, each manager gets one task and
 * reclaims everything, the holders are emailed, the report written. Prints the times, and the
 * engine's runtime rows while the reviews wait, which must be the same for both sizes (one task per
 * manager; the idle licenses are LicenseFlow rows, never a list in a variable).
 *
 * <pre>mvn -B -Pbenchmark test -Dtest=ReclaimBenchmark                                  # H2
 * mvn -B -Pbenchmark test -Dtest=ReclaimBenchmark -Dbenchmark.database=postgres   # PostgreSQL</pre>
 */
@IntegrationTest
class ReclaimBenchmark {

    static final int MANAGERS = 100;
    static final int BATCH = 5_000;
    static final List<Integer> SIZES = List.of(1_000, 10_000, Integer.getInteger("benchmark.reclaim.users", 100_000));

    @Autowired
    ProcessEngine engine;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessDriver driver;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    Clock clock;

    record Figures(
            int users,
            int idle,
            int tasks,
            long engineRows,
            long variableBytes,
            long findMillis,
            long reviewMillis,
            long totalMillis,
            int reclaimed,
            String saving) {}

    @Test
    void reclaimAcrossTenantSizes() {
        String admin = fixtures.admin(LICENSE_ADMIN).id();
        List<String> managers = IntStream.range(0, MANAGERS)
                .mapToObj(i -> fixtures.member().id())
                .toList();
        List<Figures> figures = new ArrayList<>();
        for (int size : SIZES) {
            figures.add(run(admin, managers, size));
        }
        StringBuilder report = new StringBuilder(String.format(
                "%n=== Reclaim benchmark (%s): %d managers, 10 %% of " + "holders idle; the first size warms up ===%n",
                TestDatabase.onPostgres() ? "PostgreSQL" : "H2", MANAGERS));
        report.append(String.format(
                "%9s %7s %6s %12s %15s %9s %11s %10s %10s %12s%n",
                "holders",
                "idle",
                "tasks",
                "engine rows",
                "variable bytes",
                "find ms",
                "review ms",
                "total ms",
                "reclaimed",
                "saved/month"));
        for (Figures f : figures) {
            report.append(String.format(
                    "%,9d %,7d %6d %12d %15d %,9d %,11d %,10d %,10d %12s%n",
                    f.users(),
                    f.idle(),
                    f.tasks(),
                    f.engineRows(),
                    f.variableBytes(),
                    f.findMillis(),
                    f.reviewMillis(),
                    f.totalMillis(),
                    f.reclaimed(),
                    f.saving()));
        }
        System.out.println(report);
        Figures small = figures.get(1);
        Figures large = figures.get(2);
        assertThat(large.engineRows())
                .as("engine rows constant in the number of users")
                .isEqualTo(small.engineRows());
        assertThat(large.variableBytes()).as("no list of users in a variable").isEqualTo(small.variableBytes());
        assertThat(large.reclaimed()).isEqualTo(large.idle());
    }

    private Figures run(String admin, List<String> managers, int users) {
        Product product = tenant(managers, users);
        long start = System.nanoTime();
        String run = driver.as(
                        admin,
                        () -> engine.getRuntimeService()
                                .startProcessInstanceByMessage(
                                        IdleLicenseReclaimProcess.REQUESTED, Map.of("product", product.id())))
                .getId();
        driver.runJob(run, "Activity_FindIdleLicenses");
        long found = System.nanoTime();
        List<Task> tasks =
                engine.getTaskService().createTaskQuery().processInstanceId(run).list();
        long engineRows = engineRows(run);
        long variableBytes = variableBytes(run);
        int idle = jdbc.sql("select count(*) from reclaim_item where run_id = ?")
                .param(run)
                .query(Integer.class)
                .single();
        for (Task task : tasks) {
            driver.complete(task.getAssignee(), task, Map.of("keptLicenses", List.of()));
        }
        long reviewed = System.nanoTime();
        driver.runDueJobs(run);
        long done = System.nanoTime();
        Map<String, Object> result = jdbc.sql("select seats_freed, monthly_saving from reclaim_run where id = ?")
                .param(run)
                .query()
                .singleRow();
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(run)
                        .count())
                .as("the run ended")
                .isZero();
        return new Figures(
                users,
                idle,
                tasks.size(),
                engineRows,
                variableBytes,
                millis(start, found),
                millis(found, reviewed),
                millis(start, done),
                ((Number) result.get("seats_freed")).intValue(),
                String.valueOf(result.get("monthly_saving")));
    }

    /** Runtime rows the engine holds for the run: executions, tasks, variables, jobs, identity links. */
    private long engineRows(String run) {
        long rows = 0;
        for (String table : List.of("act_ru_execution", "act_ru_task", "act_ru_variable")) {
            rows += jdbc.sql("select count(*) from " + table + " where proc_inst_id_ = ?")
                    .param(run)
                    .query(Long.class)
                    .single();
        }
        rows += jdbc.sql("select count(*) from act_ru_job where process_instance_id_ = ?")
                .param(run)
                .query(Long.class)
                .single();
        rows += jdbc.sql("select count(*) from act_ru_identitylink l join act_ru_task t on t.id_ = l.task_id_ "
                        + "where t.proc_inst_id_ = ?")
                .param(run)
                .query(Long.class)
                .single();
        return rows;
    }

    /** The bytes of the run's variables kept as byte arrays (JSON, serialized objects). */
    private long variableBytes(String run) {
        return jdbc.sql("select coalesce(sum(length(b.bytes_)), 0) from act_ru_variable v join act_ge_bytearray b "
                                + "on b.id_ = v.bytearray_id_ where v.proc_inst_id_ = ?")
                        .param(run)
                        .query(Long.class)
                        .single()
                + jdbc.sql("select coalesce(sum(length(v.text_)), 0) from act_ru_variable v where v.proc_inst_id_ = ?")
                        .param(run)
                        .query(Long.class)
                        .single();
    }

    /**
     * A product with one central subscription whose {@code users} holders (new directory users, with
     * batched JDBC) report to the managers in turn; every tenth signed in 200 days ago (and every tenth of
     * those is disabled), the rest today.
     */
    private Product tenant(List<String> managers, int users) {
        Product product = fixtures.product();
        long subscription = fixtures.central(product, users);
        String prefix = Fixtures.unique("reclaim-");
        LocalDate today = LocalDate.now(clock);
        List<Integer> positions = IntStream.range(0, users).boxed().toList();
        jdbcTemplate.batchUpdate(
                "insert into directory_user (id, display_name, email, user_type, usage_location, "
                        + "manager_id, account_enabled, last_signed_in_on) values (?, ?, ?, 'MEMBER', 'NL', ?, ?, ?)",
                positions,
                BATCH,
                (ps, i) -> {
                    boolean idle = i % 10 == 0;
                    ps.setString(1, prefix + i);
                    ps.setString(2, "Holder " + prefix + i);
                    ps.setString(3, prefix + i + "@bench.example");
                    ps.setString(4, managers.get(i / 10 % managers.size()));
                    ps.setBoolean(5, !(idle && i % 100 == 0));
                    ps.setObject(6, idle ? today.minusDays(200) : today);
                });
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbcTemplate.batchUpdate(
                "insert into license_assignment (user_id, subscription_id, product_id, active_product_id, "
                        + "disabled_plans, assigned_at, assigned_by) values (?, ?, ?, ?, '', ?, 'benchmark')",
                positions,
                BATCH,
                (ps, i) -> {
                    ps.setString(1, prefix + i);
                    ps.setLong(2, subscription);
                    ps.setString(3, product.id());
                    ps.setString(4, product.id());
                    ps.setObject(5, now.minusDays(300));
                });
        jdbc.sql("update subscription set assigned_seats = ? where id = ?")
                .params(users, subscription)
                .update();
        return product;
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }
}
