package com.licenseflow.support;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives processes the way people and the job executor would: as a logged-in user (with their
 * groups, since authorizations are on), completing tasks, running due jobs, moving the clock.
 */
public class ProcessDriver {

    private final ProcessEngine engine;

    public ProcessDriver(ProcessEngine engine) {
        this.engine = engine;
    }

    /** Runs {@code action} logged in as {@code userId}. */
    public <T> T as(String userId, Supplier<T> action) {
        IdentityService identity = engine.getIdentityService();
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
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

    public Task task(String processInstanceId, String activityId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(activityId).singleResult();
    }

    public void complete(String userId, Task task, Map<String, Object> variables) {
        TaskService tasks = engine.getTaskService();
        as(userId, () -> tasks.complete(task.getId(), variables));
    }

    public Job job(String processInstanceId, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
                .activityId(activityId).singleResult();
    }

    /** Runs the job waiting at {@code activityId}, as the job executor would. */
    public void runJob(String processInstanceId, String activityId) {
        Job job = job(processInstanceId, activityId);
        if (job == null) {
            throw new AssertionError("No job at " + activityId + " in " + processInstanceId);
        }
        engine.getManagementService().executeJob(job.getId());
    }

    /** Runs every job of the instance that is due now, until none is left (async steps chain). */
    public void runDueJobs(String processInstanceId) {
        ManagementService management = engine.getManagementService();
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(j -> management.executeJob(j.getId()));
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
}
