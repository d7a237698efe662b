package com.licenseflow.benchmark;

import static com.licenseflow.inventory.access.AdminRole.GLOBAL_ADMIN;

import com.licenseflow.identity.CamundaAccessSetup;
import com.licenseflow.identity.CamundaGroups;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.directory.UserType;
import com.licenseflow.notification.MailWorker;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import com.licenseflow.workflow.FormValues;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Complete license-request cycles (start, the approver opening the review form and deciding,
 * licenses assigned, emails recorded)
 * against cycles of a trivial start - user task - end process, on the same warm engine and
 * database. Sending the recorded emails is the asynchronous step that follows each cycle; it is
 * timed on its own afterwards (SMTP to the embedded server). Prints the rates and the ratio;
 * asserts nothing about speed. Run: {@code mvn -B -Pbenchmark test -Dtest=LicenseRequestBenchmark}.
 */
@IntegrationTest
class LicenseRequestBenchmark {

    private static final int WARM_UP = Integer.getInteger("benchmark.warmup", 1000);
    private static final int CYCLES = Integer.getInteger("benchmark.cycles", 2000);
    private static final int ROUNDS = 5;
    private static final int EMAILS_TIMED = 200;
    /** Both processes are started by an employee, so both pay the same authorization checks. */
    private static final List<String> EMPLOYEES = List.of(CamundaGroups.EMPLOYEES);

    @Autowired
    MailWorker mailWorker;

    @Autowired
    ExternalTaskService externalTasks;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    RepositoryService repository;

    @Autowired
    FormService forms;

    @Autowired
    DirectoryRepository directory;

    @Autowired
    Fixtures fixtures;

    @Autowired
    CamundaAccessSetup access;

    private Product product;
    private List<String> approverGroups;
    private String approver;
    private final List<String> requesters = new ArrayList<>();
    private int next;
    private int sent;

    @Test
    void licenseRequestCyclesAgainstTrivialCycles() {
        repository
                .createDeployment()
                .addClasspathResource("bpmn/benchmark-trivial.bpmn")
                .name("benchmark")
                .deploy();
        access.allowToStart("benchmark-trivial", CamundaGroups.EMPLOYEES);
        product = fixtures.product();
        fixtures.central(product, 2 * (WARM_UP + CYCLES) + 10);
        approver = fixtures.admin(GLOBAL_ADMIN).id();
        approverGroups = identity.createGroupQuery().groupMember(approver).list().stream()
                .map(Group::getId)
                .toList();
        String tag = Fixtures.unique("bench");
        for (int i = 0; i < 4 * (WARM_UP + CYCLES); i++) {
            String id = tag + "-" + i;
            directory.insert(
                    new DirectoryUser(id, "Requester " + i, id + "@bench.example", UserType.MEMBER, "NL", Set.of()));
            requesters.add(id);
        }

        run(WARM_UP, this::trivialCycle);
        run(WARM_UP, this::licenseRequestCycle);
        // Rounds alternate between the two, so that both meet the same load on the machine.
        Timing trivial = new Timing();
        Timing licenseRequest = new Timing();
        int perRound = CYCLES / ROUNDS;
        for (int round = 0; round < ROUNDS; round++) {
            trivial.add(perRound, this::trivialCycle);
            licenseRequest.add(perRound, this::licenseRequestCycle);
        }
        List<ExternalTask> sending = externalTasks
                .createExternalTaskQuery()
                .activityId("Activity_NotifyRequestOutcome")
                .listPage(0, EMAILS_TIMED);
        Timing emails = new Timing();
        emails.add(sending.size(), () -> mailWorker.runFor(sending.get(sent++).getProcessInstanceId()));

        System.out.printf(
                "%n=== License request benchmark (%d cycles each in %d alternating rounds, after %d warm-up "
                        + "cycles) ===%n",
                perRound * ROUNDS, ROUNDS, WARM_UP);
        System.out.printf("                                    wall clock     CPU of the benchmark thread%n");
        System.out.printf(
                "trivial start -> user task -> end: %8.1f/s      %8.1f/s%n", trivial.wallRate(), trivial.cpuRate());
        System.out.printf(
                "complete license-request cycle:    %8.1f/s      %8.1f/s%n",
                licenseRequest.wallRate(), licenseRequest.cpuRate());
        System.out.printf(
                "ratio license-request / trivial:   %8.2f        %8.2f%n",
                licenseRequest.wallRate() / trivial.wallRate(), licenseRequest.cpuRate() / trivial.cpuRate());
        System.out.printf(
                "then sending recorded emails:      %8.1f emails/s (email steps carried out by the mail worker over SMTP, %d timed)%n%n",
                emails.wallRate(), sending.size());
    }

    private static void run(int count, Runnable cycle) {
        new Timing().add(count, cycle);
    }

    /**
     * Wall-clock time, and the CPU time of the thread running the cycles: the latter hardly moves
     * when other work shares the machine, so it compares the two processes fairly on a busy one.
     */
    private static final class Timing {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        private int cycles;
        private long wallNanos;
        private long cpuNanos;

        void add(int count, Runnable cycle) {
            long wall = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < count; i++) {
                cycle.run();
            }
            cpuNanos += THREADS.getCurrentThreadCpuTime() - cpu;
            wallNanos += System.nanoTime() - wall;
            cycles += count;
        }

        double wallRate() {
            return perSecond(cycles, wallNanos);
        }

        double cpuRate() {
            return perSecond(cycles, cpuNanos);
        }
    }

    private static double perSecond(int count, long nanos) {
        return count / (nanos / 1e9);
    }

    private void trivialCycle() {
        String starter = requesters.get(next++);
        String pid = as(
                starter,
                EMPLOYEES,
                () -> runtime.startProcessInstanceByKey("benchmark-trivial").getId());
        complete(pid, Map.of());
    }

    private void licenseRequestCycle() {
        String requester = requesters.get(next++);
        Map<String, Object> start = new HashMap<>();
        // As the API starts it: transient variables, in the requester's name.
        start.put("requestedProduct", Variables.stringValue(product.id(), true));
        start.put("justification", Variables.stringValue("benchmark", true));
        String pid = as(
                requester,
                EMPLOYEES,
                () -> runtime.startProcessInstanceByKey("license-request", start)
                        .getId());
        Map<String, Object> decision = new HashMap<>();
        decision.put("decision", "approve");
        decision.put("approvedUserIds", FormValues.json(List.of(requester)));
        decision.put("assignedProductId", product.id());
        complete(pid, decision);
    }

    /** The approver opens the instance's one task in Tasklist (its form and the form's data) and completes it. */
    private void complete(String pid, Map<String, Object> variables) {
        String task =
                tasks.createTaskQuery().processInstanceId(pid).singleResult().getId();
        as(approver, approverGroups, () -> {
            forms.getTaskFormVariables(task);
            tasks.complete(task, variables);
            return null;
        });
    }

    private <T> T as(String user, List<String> groups, java.util.function.Supplier<T> action) {
        identity.setAuthentication(user, groups);
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
