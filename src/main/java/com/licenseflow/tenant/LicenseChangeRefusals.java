package com.licenseflow.tenant;

import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.forms.FormText;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.springframework.stereotype.Component;

/**
 * Who hears of a license change Microsoft 365 refused (the change itself is already undone in LicenseFlow): the
 * process that asked for it when it waits for Microsoft 365's answer ("Microsoft 365 answered") or is on its way to
 * waiting, or else the License
 * and Global administrators, through a task of "License change refused by Microsoft 365" listing the users, the
 * products and what to do. A process is told once all its changes are settled, so it sees every refusal at once.
 */
@Component("licenseChangeRefusals")
@ProcessBean
public class LicenseChangeRefusals {

    public static final String KEY = "license-change-refused";
    /** The message a process waiting for Microsoft 365's answer to its changes receives. */
    public static final String ANSWERED = "MicrosoftAnswered";

    private final TenantChanges changes;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    /** By process definition and activity: models never change once deployed. */
    private final Map<String, Boolean> waitReachable = new ConcurrentHashMap<>();

    LicenseChangeRefusals(TenantChanges changes, RuntimeService runtime, RepositoryService repository) {
        this.changes = changes;
        this.runtime = runtime;
        this.repository = repository;
    }

    /** After a batch settled, in its transaction: tells each process (null: people outside a process) that is done. */
    void settled(Set<String> processInstanceIds) {
        for (String processInstanceId : processInstanceIds) {
            if (processInstanceId != null && changes.pendingFor(processInstanceId)) {
                continue;
            }
            List<Long> refused = changes.untoldRefusals(processInstanceId);
            boolean waits = processInstanceId != null
                    && runtime.createExecutionQuery()
                                    .processInstanceId(processInstanceId)
                                    .messageEventSubscriptionName(ANSWERED)
                                    .count()
                            > 0;
            if (waits) {
                if (!refused.isEmpty()) {
                    changes.refusalTask(refused, processInstanceId);
                }
                runtime.createMessageCorrelation(ANSWERED)
                        .processInstanceId(processInstanceId)
                        .correlate();
            } else if (!refused.isEmpty() && !(processInstanceId != null && willWait(processInstanceId))) {
                String task = runtime.startProcessInstanceByKey(KEY, processInstanceId)
                        .getId();
                changes.refusalTask(refused, task);
            }
        }
    }

    /**
     * Whether the instance is on its way to waiting for "Microsoft 365 answered" (a takeover still moving its users
     * chunk by chunk): it then finds its refusals itself at "Refused by Microsoft 365?", and no admin task is started.
     * A path that never waits (a takeover that cancels) leaves them to the admins.
     */
    private boolean willWait(String processInstanceId) {
        ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
        if (tree == null) {
            return false;
        }
        Set<String> at = new HashSet<>();
        collectActivityIds(tree, at);
        String definitionId = tree.getProcessDefinitionId();
        return at.stream()
                .anyMatch(activityId -> waitReachable.computeIfAbsent(
                        definitionId + "/" + activityId,
                        key -> waitReachableFrom(repository.getBpmnModelInstance(definitionId), activityId)));
    }

    private static void collectActivityIds(ActivityInstance instance, Set<String> into) {
        into.add(instance.getActivityId());
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            into.add(transition.getActivityId());
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            collectActivityIds(child, into);
        }
    }

    /** A receive task or catch event of {@link #ANSWERED} lies ahead of {@code activityId} in the model. */
    static boolean waitReachableFrom(BpmnModelInstance model, String activityId) {
        Deque<FlowNode> ahead = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        if (model.getModelElementById(activityId) instanceof FlowNode start) {
            ahead.add(start);
        }
        while (!ahead.isEmpty()) {
            FlowNode node = ahead.poll();
            if (!seen.add(node.getId())) {
                continue;
            }
            if (waitsForAnswer(node)) {
                return true;
            }
            node.getOutgoing().forEach(flow -> ahead.add(flow.getTarget()));
            model.getModelElementsByType(BoundaryEvent.class).stream()
                    .filter(boundary -> boundary.getAttachedTo() == node)
                    .forEach(ahead::add);
            if (node.getParentElement() instanceof SubProcess parent) {
                ahead.add(parent);
            }
        }
        return false;
    }

    private static boolean waitsForAnswer(FlowNode node) {
        if (node instanceof ReceiveTask receive) {
            return receive.getMessage() != null
                    && ANSWERED.equals(receive.getMessage().getName());
        }
        return node instanceof CatchEvent event
                && event.getEventDefinitions().stream()
                        .anyMatch(d -> d instanceof MessageEventDefinition m
                                && m.getMessage() != null
                                && ANSWERED.equals(m.getMessage().getName()));
    }

    /** A change Microsoft 365 refused, as the process that made it tells its users and admins. */
    public record Refusal(String userId, String userName, String productName, String words) {

        /** As a line of a task form's list (Markdown, names escaped): who, which product, why. */
        public String formLine() {
            return "- **" + FormText.plain(userName) + "**, " + FormText.plain(productName) + ": "
                    + FormText.plain(words);
        }
    }

    /** Whether changes {@code processInstanceId} made still wait for Microsoft 365's answer. */
    public boolean awaited(String processInstanceId) {
        return changes.pendingFor(processInstanceId);
    }

    /**
     * The users whose last change by {@code processInstanceId} Microsoft 365 refused (a change asked again and
     * applied, or still on its way, no longer counts), with why.
     */
    public List<Refusal> lastRefusals(String processInstanceId) {
        return changes.lastRefusals(processInstanceId);
    }

    /** The refusals a "Resolve refused license change" task is about, in words. */
    public String summary(DelegateExecution execution) {
        List<TenantChanges.Refused> refused = changes.refusedIn(execution.getProcessInstanceId());
        return refused.stream()
                .map(r -> "- **" + FormText.plain(r.userName()) + "**, " + FormText.plain(r.productName()) + ": "
                        + FormText.plain(r.words()) + " (" + r.refusal() + ")")
                .collect(Collectors.joining("\n"));
    }
}
