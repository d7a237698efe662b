package com.licenseflow.benchmark;

import static com.licenseflow.domain.access.AdminRole.GLOBAL_ADMIN;

import com.licenseflow.domain.catalog.Product;
import com.licenseflow.domain.directory.DirectoryRepository;
import com.licenseflow.domain.directory.DirectoryUser;
import com.licenseflow.domain.directory.UserType;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.workflow.FormValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Complete license-request cycles (start, review decided, licenses assigned, emails recorded)
 * against cycles of a trivial start - user task - end process, on the same warm engine and
 * database. Sending the recorded emails is the asynchronous step that follows each cycle; it is
 * timed on its own afterwards (SMTP to the embedded server). Prints the rates and the ratio;
 * asserts nothing about speed. Run: {@code mvn -B -Pbenchmark test -Dtest=LicenseRequestBenchmark}.
 */
@IntegrationTest
class LicenseRequestBenchmark {

    private static final int WARM_UP = Integer.getInteger("benchmark.warmup", 300);
    private static final int CYCLES = Integer.getInteger("benchmark.cycles", 2000);
    private static final int ROUNDS = 5;
    private static final int EMAILS_TIMED = 200;

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;
    @Autowired
    RepositoryService repository;
    @Autowired
    DirectoryRepository directory;
    @Autowired
    Fixtures fixtures;

    private Product product;
    private List<String> approverGroups;
    private String approver;
    private final List<String> requesters = new ArrayList<>();
    private int next;
    private int sent;

    @Test
    void licenseRequestCyclesAgainstTrivialCycles() {
        repository.createDeployment().addClasspathResource("bpmn/benchmark-trivial.bpmn").name("benchmark").deploy();
        product = fixtures.product();
        fixtures.central(product, 2 * (WARM_UP + CYCLES) + 10);
        approver = fixtures.admin(GLOBAL_ADMIN).id();
        approverGroups = identity.createGroupQuery().groupMember(approver).list().stream().map(Group::getId).toList();
        String tag = Fixtures.unique("bench");
        for (int i = 0; i < 2 * (WARM_UP + CYCLES); i++) {
            String id = tag + "-" + i;
            directory.insert(new DirectoryUser(id, "Requester " + i, id + "@bench.example", UserType.MEMBER, "NL", Set.of()));
            requesters.add(id);
        }

        run(WARM_UP, this::trivialCycle);
        run(WARM_UP, this::licenseRequestCycle);
        // Rounds alternate between the two, so that both meet the same load on the machine.
        long trivialNanos = 0;
        long licenseNanos = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long trivialRound = time(CYCLES / ROUNDS, this::trivialCycle);
            long licenseRound = time(CYCLES / ROUNDS, this::licenseRequestCycle);
            System.out.printf("round %d: trivial %6.1f/s, license request %6.1f/s%n", round + 1,
                    perSecond(CYCLES / ROUNDS, trivialRound), perSecond(CYCLES / ROUNDS, licenseRound));
            trivialNanos += trivialRound;
            licenseNanos += licenseRound;
        }
        double trivial = perSecond(CYCLES / ROUNDS * ROUNDS, trivialNanos);
        double licenseRequest = perSecond(CYCLES / ROUNDS * ROUNDS, licenseNanos);
        List<Job> sending = management.createJobQuery().activityId("Activity_NotifyRequestOutcome")
                .listPage(0, EMAILS_TIMED);
        double emails = perSecond(sending.size(),
                time(sending.size(), () -> management.executeJob(sending.get(sent++).getId())));

        System.out.printf("%n=== License request benchmark (%d cycles each in %d alternating rounds, after %d warm-up "
                + "cycles) ===%n", CYCLES / ROUNDS * ROUNDS, ROUNDS, WARM_UP);
        System.out.printf("trivial start -> user task -> end: %8.1f cycles/s%n", trivial);
        System.out.printf("complete license-request cycle:    %8.1f cycles/s%n", licenseRequest);
        System.out.printf("ratio license-request / trivial:   %8.2f%n", licenseRequest / trivial);
        System.out.printf("then sending recorded emails:      %8.1f emails/s (asynchronous step over SMTP, %d timed)%n%n",
                emails, sending.size());
    }

    private static void run(int count, Runnable cycle) {
        time(count, cycle);
    }

    /** Runs {@code count} cycles; returns the nanoseconds they took. */
    private static long time(int count, Runnable cycle) {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            cycle.run();
        }
        return System.nanoTime() - start;
    }

    private static double perSecond(int count, long nanos) {
        return count / (nanos / 1e9);
    }

    private void trivialCycle() {
        String pid = runtime.startProcessInstanceByKey("benchmark-trivial").getId();
        complete(pid, Map.of());
    }

    private void licenseRequestCycle() {
        String requester = requesters.get(next++);
        Map<String, Object> start = new HashMap<>();
        start.put("requesterId", requester);
        start.put("requestedProduct", product.id());
        start.put("justification", "benchmark");
        String pid = runtime.startProcessInstanceByKey("license-request", start).getId();
        Map<String, Object> decision = new HashMap<>();
        decision.put("decision", "approve");
        decision.put("approvedUserIds", FormValues.json(List.of(requester)));
        decision.put("assignedProductId", product.id());
        complete(pid, decision);
    }

    /** Completes the instance's one task as the approver, the way Tasklist does. */
    private void complete(String pid, Map<String, Object> variables) {
        String task = tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();
        identity.setAuthentication(approver, approverGroups);
        try {
            tasks.complete(task, variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
