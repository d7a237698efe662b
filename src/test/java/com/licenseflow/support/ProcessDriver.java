package com.licenseflow.support;

import com.licenseflow.notification.MailWorker;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drives processes the way people and the job executor would: as a logged-in user (with their
 * groups, since authorizations are on), completing tasks, running due jobs and email steps (as the
 * mail worker would), moving the clock.
 */
public class ProcessDriver {

    private final ProcessEngine engine;
    private final PlatformTransactionManager transactions;
    private final MailWorker mailWorker;

    public ProcessDriver(ProcessEngine engine, PlatformTransactionManager transactions, MailWorker mailWorker) {
        this.mailWorker = mailWorker;
        this.engine = engine;
        this.transactions = transactions;
    }

    /** Runs {@code action} logged in as {@code userId}. */
    public <T> T as(String userId, Supplier<T> action) {
        IdentityService identity = engine.getIdentityService();
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .toList();
        identity.setAuthentication(userId, groups);
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    public void as(String userId, Runnable action) {
        as(userId, () -> {
            action.run();
            return null;
        });
    }

    /** The keys of the processes Tasklist offers {@code userId} to start (latest versions). */
    public List<String> startableInTasklist(String userId) {
        return as(
                userId,
                () -> engine
                        .getRepositoryService()
                        .createProcessDefinitionQuery()
                        .startableInTasklist()
                        .startablePermissionCheck()
                        .latestVersion()
                        .list()
                        .stream()
                        .map(ProcessDefinition::getKey)
                        .toList());
    }

    public Task task(String processInstanceId, String activityId) {
        return engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(processInstanceId)
                .taskDefinitionKey(activityId)
                .singleResult();
    }

    public void complete(String userId, Task task, Map<String, Object> variables) {
        TaskService tasks = engine.getTaskService();
        as(userId, () -> tasks.complete(task.getId(), variables));
    }

    public Job job(String processInstanceId, String activityId) {
        return engine.getManagementService()
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .activityId(activityId)
                .singleResult();
    }

    /**
     * Runs the job waiting at {@code activityId}, as the job executor would, or the email step
     * there, as the mail worker would.
     */
    public void runJob(String processInstanceId, String activityId) {
        Job job = job(processInstanceId, activityId);
        if (job != null) {
            engine.getManagementService().executeJob(job.getId());
        } else if (mailWorker.runFor(processInstanceId, activityId) == 0) {
            throw new AssertionError("No job or email step at " + activityId + " in " + processInstanceId);
        }
    }

    /** The email step (an external task) waiting at {@code activityId}, if any. */
    public ExternalTask emailStep(String processInstanceId, String activityId) {
        return engine.getExternalTaskService()
                .createExternalTaskQuery()
                .processInstanceId(processInstanceId)
                .activityId(activityId)
                .singleResult();
    }

    /**
     * Runs the job at {@code activityId} and then dies before its transaction commits, as when the
     * application is killed mid-job: everything the job did is rolled back and the job is still there.
     */
    public void runJobThenCrash(String processInstanceId, String activityId) {
        Job job = job(processInstanceId, activityId);
        if (job == null) {
            throw new AssertionError("No job at " + activityId + " in " + processInstanceId);
        }
        try {
            // The engine joins this transaction (Spring propagation REQUIRED), so the crash undoes the job's work.
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                engine.getManagementService().executeJob(job.getId());
                throw new SimulatedCrash();
            });
        } catch (SimulatedCrash expected) {
            // the process is as it was before the job ran
        }
    }

    private static final class SimulatedCrash extends RuntimeException {}

    /** Runs every job and email step of the instance that is due now, until none is left (async steps chain). */
    public void runDueJobs(String processInstanceId) {
        ManagementService management = engine.getManagementService();
        for (int round = 0; round < 50; round++) {
            List<Job> due = management
                    .createJobQuery()
                    .processInstanceId(processInstanceId)
                    .executable()
                    .list();
            due.forEach(j -> management.executeJob(j.getId()));
            if (mailWorker.runFor(processInstanceId) == 0 && due.isEmpty()) {
                return;
            }
        }
        throw new AssertionError("Jobs keep coming in " + processInstanceId);
    }

    /** Moves the engine's clock (and with it the inventory's clock) forward. */
    public void advance(Duration duration) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + duration.toMillis()));
    }

    public void resetClock() {
        ClockUtil.reset();
    }

    /** Runs the job waiting at {@code activity} again and again until none is left (a chunked loop). */
    public void runAllJobsAt(String processInstanceId, String activity) {
        for (int i = 0; i < 100 && job(processInstanceId, activity) != null; i++) {
            runJob(processInstanceId, activity);
        }
        if (job(processInstanceId, activity) != null) {
            throw new AssertionError("Jobs at " + activity + " keep coming in " + processInstanceId);
        }
    }

    /** What a form field of the task at {@code activity} shows when {@code userId} opens it in Tasklist. */
    public String shownInForm(String userId, String processInstanceId, String activity, String field) {
        return shownInForm(userId, task(processInstanceId, activity), field);
    }

    /** The same for one task among several at an activity (one per manager, say). */
    public String shownInForm(String userId, Task task, String field) {
        String taskId = task.getId();
        Object value = as(userId, () -> engine.getFormService().getTaskFormVariables(taskId))
                .get(field);
        return asRead(
                value instanceof SpinJsonNode text && text.isString() ? text.stringValue() : String.valueOf(value));
    }

    /** Text meant for a form's text view as a person reads it: without the escapes that keep it from being markup. */
    public static String asRead(Object text) {
        return String.valueOf(text).replaceAll("\\\\(\\p{Punct})", "$1");
    }
}
