package com.licenseflow.benchmark;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.notification.MailWorker;
import com.licenseflow.selfservice.SelfServiceCancellation;
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
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: a measurement, left out of the normal run. A whole centralization campaign over 200
 * self-service subscriptions (3 users each) through the real process: start (gathering), plan,
 * the chunk jobs, one branch per purchase with its recorded and sent email, every purchaser
 * cancelling (the inventory change and the message to the branch), the branches' ends, the summary
 * and its email; every job run back to back as the job executor would, without its polling delay.
 * Then the same number of asynchronous jobs that do nothing, on the same engine and database.
 * Prints both times and their ratio; asserts nothing about speed.
 *
 * <pre>mvn -B -Pbenchmark test -Dtest=CentralizationBenchmark                                  # H2
 * mvn -B -Pbenchmark test -Dtest=CentralizationBenchmark -Dbenchmark.database=postgres    # PostgreSQL</pre>
 */
@IntegrationTest
class CentralizationBenchmark {

    static final int SUBSCRIPTIONS = Integer.getInteger("benchmark.subscriptions", 200);
    static final int USERS_EACH = 3;
    static final int WARM_UP_SUBSCRIPTIONS = 20;
    static final int ROUNDS = Integer.getInteger("benchmark.rounds", 3);

    @Autowired
    MailWorker mailWorker;

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    RepositoryService repository;

    @Autowired
    ManagementService management;

    @Autowired
    Fixtures fixtures;

    @Autowired
    ProcessDriver driver;

    @Autowired
    SelfServiceCancellation cancellation;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate jdbcTemplate;

    @Autowired
    Clock clock;

    record DataSet(Product product, long central, List<DirectoryUser> purchasers, List<Long> subscriptions) {}

    /** The whole campaign's time, how many jobs it ran, and its phases in ms. */
    record Timing(long millis, int jobs, long startAndPlan, long assignAndAsk, long cancellations, long ends) {}

    @Test
    void campaignOverTwoHundredPurchasesAgainstNoOpJobs() {
        BpmnAwareTests.init(engine);
        repository
                .createDeployment()
                .addClasspathResource("bpmn/benchmark-noop-jobs.bpmn")
                .name("benchmark")
                .enableDuplicateFiltering(true)
                .deploy();
        String admin = fixtures.admin(BILLING_ADMIN).id();

        // Warm-up: the JIT, the engine's caches and the database's plans, for both.
        Timing warm = campaign(dataSet(WARM_UP_SUBSCRIPTIONS), admin);
        noOpJobs(warm.jobs());

        StringBuilder report = new StringBuilder(String.format(
                "%n=== Centralization benchmark (%s): a campaign over %d "
                        + "self-service subscriptions (%d users each) vs the same number of no-op asynchronous jobs ===%n",
                TestDatabase.onPostgres() ? "PostgreSQL" : "H2", SUBSCRIPTIONS, USERS_EACH));
        List<Double> ratios = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            measuring = true;
            Timing campaign = campaign(dataSet(SUBSCRIPTIONS), admin);
            measuring = false;
            long noOp = noOpJobs(campaign.jobs());
            double ratio = (double) campaign.millis() / Math.max(1, noOp);
            ratios.add(ratio);
            report.append(String.format(
                    "round %d: campaign %,d ms (%d jobs, %d purchaser cancellations), %d no-op jobs "
                            + "%,d ms, ratio %.2f%n",
                    round, campaign.millis(), campaign.jobs(), SUBSCRIPTIONS, campaign.jobs(), noOp, ratio));
            report.append(String.format(
                    "  campaign phases: start and plan %,d ms; assignment, branches and cancel "
                            + "requests sent %,d ms; purchasers cancelling %,d ms; branch ends, summary and its email %,d ms%n",
                    campaign.startAndPlan(), campaign.assignAndAsk(), campaign.cancellations(), campaign.ends()));
        }
        ratios.sort(Double::compare);
        report.append(String.format("median ratio campaign / no-op jobs: %.2f%n", ratios.get(ratios.size() / 2)));
        report.append("time in the campaign's jobs per activity, all rounds: ")
                .append(jobMillis)
                .append(" ms\n");
        System.out.println(report);
    }

    /** Start to end of a real campaign; returns its time and how many jobs it ran. */
    private Timing campaign(DataSet set, String admin) {
        long start = System.nanoTime();
        ProcessInstance pi = driver.as(
                admin,
                () -> runtime.startProcessInstanceByKey(
                        "license-centralization",
                        Map.of("product", set.product().id())));
        driver.complete(
                admin,
                driver.task(pi.getId(), "Activity_PlanCentralization"),
                Map.of("planDecision", "useExistingSeats", "centralSubscriptionId", String.valueOf(set.central())));
        long planned = System.nanoTime();
        int jobs = runAllJobs(pi.getId());
        long asked = System.nanoTime();
        for (int i = 0; i < set.subscriptions().size(); i++) {
            DirectoryUser purchaser = set.purchasers().get(i);
            long subscription = set.subscriptions().get(i);
            driver.as(
                    purchaser.id(),
                    () -> cancellation.cancel(ChangeContext.byUser(purchaser.asActor(), null), subscription));
        }
        long cancelled = System.nanoTime();
        jobs += runAllJobs(pi.getId());
        long end = System.nanoTime();
        BpmnAwareTests.assertThat(pi).isEnded();
        assertThat(fixtures.holders(set.central())).hasSize(set.subscriptions().size() * USERS_EACH);
        return new Timing(
                ms(end - start),
                jobs,
                ms(planned - start),
                ms(asked - planned),
                ms(cancelled - asked),
                ms(end - cancelled));
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private long noOpJobs(int count) {
        long start = System.nanoTime();
        ProcessInstance pi = runtime.startProcessInstanceByKey("benchmark-noop-jobs", Map.of("jobs", count));
        assertThat(runAllJobs(pi.getId())).isEqualTo(count);
        long millis = (System.nanoTime() - start) / 1_000_000;
        BpmnAwareTests.assertThat(pi).isEnded();
        return millis;
    }

    /** Milliseconds spent in the jobs of each activity, over the measured rounds. */
    private final Map<String, Long> jobMillis = new java.util.TreeMap<>();

    private boolean measuring;
    private final Map<String, String> activities = new java.util.HashMap<>();

    private String activityOf(Job job) {
        return activities.computeIfAbsent(
                job.getJobDefinitionId(),
                id -> management
                        .createJobDefinitionQuery()
                        .jobDefinitionId(id)
                        .singleResult()
                        .getActivityId());
    }

    /** Runs every job of the instance that is due, as they come, until none is left; returns how many. */
    private int runAllJobs(String processInstanceId) {
        int ran = 0;
        while (true) {
            List<Job> due = management
                    .createJobQuery()
                    .processInstanceId(processInstanceId)
                    .executable()
                    .list();
            long start = System.nanoTime();
            int emailSteps = mailWorker.runFor(processInstanceId);
            if (measuring && emailSteps > 0) {
                jobMillis.merge("email steps (mail worker)", ms(System.nanoTime() - start), Long::sum);
            }
            ran += emailSteps;
            if (due.isEmpty() && emailSteps == 0) {
                return ran;
            }
            for (Job job : due) {
                start = System.nanoTime();
                management.executeJob(job.getId());
                if (measuring) {
                    jobMillis.merge(activityOf(job), ms(System.nanoTime() - start), Long::sum);
                }
                ran++;
            }
        }
    }

    /**
     * {@code subscriptions} self-service purchases of a new product, each licensing its purchaser and
     * two colleagues, and a central subscription with a seat for everyone; the users and licenses
     * are inserted with batched JDBC so that setting up does not dominate the run.
     */
    private DataSet dataSet(int subscriptions) {
        Product product = fixtures.product(SelfServicePolicy.ENABLED, 3);
        long central = fixtures.central(product, subscriptions * USERS_EACH);
        String prefix = Fixtures.unique("bench-c-");
        List<DirectoryUser> purchasers = new ArrayList<>();
        List<Long> bought = new ArrayList<>();
        List<Object[]> users = new ArrayList<>();
        List<Object[]> licenses = new ArrayList<>();
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (int i = 0; i < subscriptions; i++) {
            DirectoryUser purchaser = fixtures.member();
            long id = fixtures.selfService(
                    product, purchaser.id(), USERS_EACH, LocalDate.now(clock).minusDays(30), 7);
            purchasers.add(purchaser);
            bought.add(id);
            licenses.add(new Object[] {purchaser.id(), id, product.id(), product.id(), now, purchaser.id()});
            for (int u = 1; u < USERS_EACH; u++) {
                String user = prefix + i + "-" + u;
                users.add(new Object[] {user, "Benchmark " + user, user + "@bench.example"});
                licenses.add(new Object[] {user, id, product.id(), product.id(), now, purchaser.id()});
            }
        }
        jdbcTemplate.batchUpdate(
                "insert into directory_user (id, display_name, email, user_type, usage_location) "
                        + "values (?, ?, ?, 'MEMBER', 'NL')",
                users);
        jdbcTemplate.batchUpdate(
                "insert into license_assignment (user_id, subscription_id, product_id, active_product_id, "
                        + "assigned_at, assigned_by) values (?, ?, ?, ?, ?, ?)",
                licenses);
        jdbc.sql("update subscription set assigned_seats = quantity where product_id = ? and kind = 'SELF_SERVICE'")
                .param(product.id())
                .update();
        return new DataSet(product, central, purchasers, bought);
    }
}
