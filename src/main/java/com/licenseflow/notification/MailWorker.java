package com.licenseflow.notification;

import com.licenseflow.config.NodeSettings;
import com.licenseflow.shared.Poller;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.externaltask.ExternalTaskQueryBuilder;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out the processes' email steps: external tasks whose topic names a {@link MailStep}
 * bean. It locks a step (so no other node takes it), composes its emails, delivers them one
 * committed attempt at a time, and completes the step, which moves the process on. Nothing of it
 * runs inside another open transaction, so it needs one database connection at a time.
 *
 * <p>A failure is reported on the step: it is tried again after {@code retryAfter}, and with its
 * retries used up (at once when an email's outcome is unknown) it becomes an incident in Cockpit,
 * where "increment retries" runs it again at once. A node that dies holding a step frees it after
 * {@code lockDuration}; another node then finishes it.
 */
@Component
public class MailWorker extends Poller {

    private static final Logger log = LoggerFactory.getLogger(MailWorker.class);
    private static final int BATCH = 10;

    private final ExternalTaskService externalTasks;
    private final RuntimeService runtime;
    private final NotificationService notifications;
    private final Map<String, MailStep> steps;
    private final MailSettings.Worker settings;
    private final String workerId;
    private final TransactionTemplate readOnly;

    public MailWorker(
            ExternalTaskService externalTasks,
            RuntimeService runtime,
            NotificationService notifications,
            Map<String, MailStep> steps,
            MailSettings mail,
            NodeSettings node,
            PlatformTransactionManager transactions) {
        super("mail-worker");
        this.externalTasks = externalTasks;
        this.runtime = runtime;
        this.notifications = notifications;
        this.steps = Map.copyOf(steps);
        this.settings = mail.worker();
        this.workerId = node.id();
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** An email step this worker holds the lock of. */
    private record Step(
            String id,
            String topic,
            String processInstanceId,
            String executionId,
            String activityId,
            Integer retries) {}

    /**
     * Carries out every email step of the process instance that is due now (not locked, retries
     * left); returns how many it did. For tests, which run the engine's work themselves.
     */
    public int runFor(String processInstanceId) {
        return runFor(processInstanceId, null);
    }

    /** {@link #runFor(String)}, only the email step {@code activityId}. */
    public int runFor(String processInstanceId, String activityId) {
        var query = externalTasks
                .createExternalTaskQuery()
                .processInstanceId(processInstanceId)
                .notLocked()
                .withRetriesLeft();
        List<ExternalTask> due = (activityId == null ? query : query.activityId(activityId))
                .list().stream()
                        .filter(t -> steps.containsKey(t.getTopicName()))
                        .toList();
        for (ExternalTask task : due) {
            externalTasks.lock(task.getId(), workerId, settings.lockDuration().toMillis());
            carryOut(new Step(
                    task.getId(),
                    task.getTopicName(),
                    task.getProcessInstanceId(),
                    task.getExecutionId(),
                    task.getActivityId(),
                    task.getRetries()));
        }
        return due.size();
    }

    /** Carries out email steps waiting anywhere until none is left; returns how many it did. */
    public int runAll() {
        int done = 0;
        for (List<LockedExternalTask> locked = lock(); !locked.isEmpty(); locked = lock()) {
            locked.forEach(t -> carryOut(new Step(
                    t.getId(),
                    t.getTopicName(),
                    t.getProcessInstanceId(),
                    t.getExecutionId(),
                    t.getActivityId(),
                    t.getRetries())));
            done += locked.size();
        }
        return done;
    }

    private List<LockedExternalTask> lock() {
        ExternalTaskQueryBuilder query = externalTasks.fetchAndLock(BATCH, workerId);
        for (String topic : steps.keySet()) {
            // No variables with the lock: the step reads what it needs when it composes.
            query = query.topic(topic, settings.lockDuration().toMillis()).variables(List.of());
        }
        return query.execute();
    }

    private void carryOut(Step task) {
        try {
            List<Notification> mails = readOnly.execute(status -> steps.get(task.topic())
                    .mails(new MailStepContext(
                            task.processInstanceId(),
                            task.executionId(),
                            task.activityId(),
                            name -> runtime.getVariable(task.executionId(), name))));
            notifications.deliver(
                    mails,
                    () -> externalTasks.extendLock(
                            task.id(), workerId, settings.lockDuration().toMillis()));
            externalTasks.complete(task.id(), workerId);
        } catch (NotificationDeliveryException e) {
            fail(task, e.getMessage(), e.outcomeUnknown());
        } catch (RuntimeException e) {
            log.warn("Email step {} of process instance {} failed", task.activityId(), task.processInstanceId(), e);
            fail(task, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        }
    }

    private void fail(Step task, String message, boolean waitForAdmin) {
        int retries =
                waitForAdmin ? 0 : Math.max(0, (task.retries() == null ? settings.retries() : task.retries()) - 1);
        // With no retries left the step waits for an admin, whose retry should run it now, not later.
        long retryAfter = retries == 0 ? 0 : settings.retryAfter().toMillis();
        log.warn(
                "Email step {} of process instance {}: {} ({} retries left)",
                task.activityId(),
                task.processInstanceId(),
                message,
                retries);
        try {
            externalTasks.handleFailure(task.id(), workerId, summary(message), message, retries, retryAfter);
        } catch (RuntimeException e) {
            // The lock ran out or the instance is gone; the step is tried again when it is locked next.
            log.warn("Could not report the failure of email step {}: {}", task.id(), e.getMessage());
        }
    }

    /** Camunda keeps the first 666 characters of a failure's message; the rest is in its details. */
    private static String summary(String message) {
        return message.length() <= 600 ? message : message.substring(0, 600) + "... (see the details)";
    }

    @Override
    protected Optional<Duration> pause() {
        return settings.enabled() ? Optional.of(settings.pollInterval()) : Optional.empty();
    }

    @Override
    protected void poll() {
        runAll();
    }
}
