package com.licenseflow.workflow;

import com.licenseflow.shared.Rows;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Who decided what in a process instance. A decision is recorded when a logged-in user completes
 * one of its user tasks (the {@code recordDecision} task listener) or starts it (the start step),
 * with the user the engine authenticated; it is kept in {@code process_decision} and, for the
 * transaction that made it, in memory.
 *
 * <p>A step that acts on a decision asks {@link #require} for one made <em>in its own
 * transaction</em> by one of the tasks that lead to it. Completing the task runs the step in the
 * same transaction, so a real decision always qualifies; a step reached any other way (start
 * instructions, "start before" in Cockpit, a job executed early) finds none and refuses, with
 * nothing changed. The decider comes from here, never from a process variable.
 */
@Service
@ProcessBean
public class ProcessDecisions {

    /** The activity recorded for a decision that is the start of the process. */
    public static final String START = "start";

    /** One decision: which instance, at which task (or {@link #START}), by whom. */
    public record Decision(String processInstanceId, String activityId, String userId) {}

    private final JdbcClient jdbc;
    private final IdentityService identity;
    private final HistoryService history;
    private final Clock clock;

    public ProcessDecisions(JdbcClient jdbc, IdentityService identity, HistoryService history, Clock clock) {
        this.jdbc = jdbc;
        this.identity = identity;
        this.history = history;
        this.clock = clock;
    }

    /** The complete listener of every user task whose completion is a decision. */
    public void recordCompletion(DelegateTask task) {
        String user = authenticatedUser();
        if (user == null) {
            throw new UntrustedProcessInput("Log in to complete '" + task.getName() + "': decisions are recorded in "
                    + "the name of the person who makes them.");
        }
        record(new Decision(task.getProcessInstanceId(), task.getTaskDefinitionKey(), user), task.getId());
    }

    /**
     * Records the start: in the name of the logged-in user, or - for a process called by another
     * one - of the user the calling instance acts for. Returns that user.
     *
     * @param namedVariables variables a caller might use to name the starter; one that names anyone
     *                       but the starter is refused
     */
    public String recordStart(DelegateExecution execution, String toDo, String... namedVariables) {
        String starter = authenticatedUser();
        if (execution.getSuperExecution() != null) {
            String caller = actingForInstance(execution.getSuperExecution().getProcessInstanceId());
            starter = caller != null ? caller : starter;
        }
        if (starter == null) {
            throw new UntrustedProcessInput(
                    "Log in to " + toDo + ": a process is started in the name of the " + "person who starts it.");
        }
        for (String variable : namedVariables) {
            Object named = execution.getVariable(variable);
            if (named != null
                    && !named.toString().isBlank()
                    && !named.toString().equals(starter)) {
                throw new UntrustedProcessInput("You can only " + toDo + " in your own name (" + starter + "), not as "
                        + named + ": leave out '" + variable + "'.");
            }
        }
        record(new Decision(execution.getProcessInstanceId(), START, starter), null);
        return starter;
    }

    /**
     * The decision this step acts on: the latest one made in this transaction, in this instance, at
     * one of {@code activityIds} (use {@link #START} for the start). Refuses when there is none.
     */
    public Decision require(DelegateExecution execution, String... activityIds) {
        return madeNow(execution, activityIds)
                .orElseThrow(
                        () -> new UntrustedProcessInput(
                                "'"
                                        + name(execution, execution.getCurrentActivityId())
                                        + "' acts only on a decision just made in "
                                        + Arrays.stream(activityIds)
                                                .map(id -> "'" + name(execution, id) + "'")
                                                .collect(Collectors.joining(" or "))
                                        + " of this process; none was made, so nothing was changed. Steps cannot be started on their own."));
    }

    public Optional<Decision> madeNow(DelegateExecution execution, String... activityIds) {
        List<String> wanted = Arrays.asList(activityIds);
        List<Decision> now = inThisTransaction(false);
        for (int i = now.size() - 1; i >= 0; i--) {
            Decision d = now.get(i);
            if (d.processInstanceId().equals(execution.getProcessInstanceId()) && wanted.contains(d.activityId())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    /** The user the instance acts for: its latest decider (or starter), as recorded. */
    public String actingFor(DelegateExecution execution) {
        return actingFor(execution.getProcessInstanceId());
    }

    public String actingFor(String processInstanceId) {
        String user = actingForInstance(processInstanceId);
        if (user == null) {
            throw new UntrustedProcessInput("Nobody has started or decided anything in process instance "
                    + processInstanceId + " yet, so it cannot act for anyone.");
        }
        return user;
    }

    /**
     * The user the instance acts for in what {@code activityId} decides: whoever last completed it,
     * else whoever started the instance. (A campaign acts for whoever planned it, even after other
     * admins decided single purchases.)
     */
    public String actingFor(DelegateExecution execution, String activityId) {
        return actingFor(execution.getProcessInstanceId(), activityId);
    }

    public String actingFor(String processInstanceId, String activityId) {
        return lastDecider(processInstanceId, activityId)
                .or(() -> lastDecider(processInstanceId, START))
                .orElseGet(() -> actingFor(processInstanceId));
    }

    String actingForInstance(String processInstanceId) {
        List<Decision> now = inThisTransaction(false);
        for (int i = now.size() - 1; i >= 0; i--) {
            if (now.get(i).processInstanceId().equals(processInstanceId)) {
                return now.get(i).userId();
            }
        }
        Optional<String> recorded =
                jdbc.sql("""
                        select decided_by from process_decision where process_instance_id = ?
                        order by id desc fetch first 1 rows only""").param(processInstanceId).query(String.class).optional();
        if (recorded.isPresent()) {
            return recorded.get();
        }
        // A calling process that is not LicenseFlow's own records nothing: the engine knows who started it.
        HistoricProcessInstance started = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult();
        return started == null ? null : started.getStartUserId();
    }

    /** Who last completed {@code activityId} in the instance, as recorded; empty if nobody has. */
    public Optional<String> lastDecider(String processInstanceId, String activityId) {
        return jdbc.sql("""
                        select decided_by from process_decision where process_instance_id = ? and activity_id = ?
                        order by id desc fetch first 1 rows only""")
                .params(processInstanceId, activityId)
                .query(String.class)
                .optional();
    }

    private void record(Decision decision, String taskId) {
        jdbc.sql("""
                        insert into process_decision (process_instance_id, activity_id, task_id, decided_by, decided_at)
                        values (?, ?, ?, ?, ?)""")
                .params(
                        decision.processInstanceId(),
                        decision.activityId(),
                        taskId,
                        decision.userId(),
                        Rows.timestamp(Instant.now(clock)))
                .update();
        inThisTransaction(true).add(decision);
    }

    private String authenticatedUser() {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    /** The decisions of the running transaction; forgotten when it ends, whichever way. */
    @SuppressWarnings("unchecked")
    private List<Decision> inThisTransaction(boolean create) {
        Object bound = TransactionSynchronizationManager.getResource(this);
        if (bound != null) {
            return (List<Decision>) bound;
        }
        if (!create) {
            return List.of();
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("Decisions are recorded inside the engine's transaction");
        }
        List<Decision> decisions = new ArrayList<>();
        TransactionSynchronizationManager.bindResource(this, decisions);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(ProcessDecisions.this);
            }
        });
        return decisions;
    }

    private static String name(DelegateExecution execution, String activityId) {
        if (START.equals(activityId)) {
            return "the start of the process";
        }
        ModelElementInstance element = execution.getBpmnModelInstance() == null
                ? null
                : execution.getBpmnModelInstance().getModelElementById(activityId);
        return element instanceof FlowElement flowElement && flowElement.getName() != null
                ? flowElement.getName()
                : activityId;
    }
}
