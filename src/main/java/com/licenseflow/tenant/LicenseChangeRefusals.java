package com.licenseflow.tenant;

import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.forms.FormText;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who hears of a license change Microsoft 365 refused (the change itself is already undone in LicenseFlow): the
 * process that asked for it when it waits for Microsoft 365's answer ("Microsoft 365 answered"), or else the License
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

    LicenseChangeRefusals(TenantChanges changes, RuntimeService runtime) {
        this.changes = changes;
        this.runtime = runtime;
    }

    /** After a batch settled, in its transaction: tells each process (null: people outside a process) that is done. */
    void settled(Set<String> processInstanceIds) {
        for (String processInstanceId : processInstanceIds) {
            if (processInstanceId != null && changes.pendingFor(processInstanceId)) {
                continue;
            }
            List<Long> refused = changes.untoldRefusals(processInstanceId);
            boolean waits = processInstanceId != null && runtime.createExecutionQuery()
                    .processInstanceId(processInstanceId).messageEventSubscriptionName(ANSWERED).count() > 0;
            if (waits) {
                if (!refused.isEmpty()) {
                    changes.refusalTask(refused, processInstanceId);
                }
                runtime.createMessageCorrelation(ANSWERED).processInstanceId(processInstanceId).correlate();
            } else if (!refused.isEmpty()) {
                String task = runtime.startProcessInstanceByKey(KEY, processInstanceId).getId();
                changes.refusalTask(refused, task);
            }
        }
    }

    /** A change Microsoft 365 refused, as the process that made it tells its users and admins. */
    public record Refusal(String userId, String userName, String productName, String words) {
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
        return refused.stream().map(r -> "- **" + FormText.plain(r.userName()) + "**, " + FormText.plain(r.productName())
                        + ": " + FormText.plain(r.words()) + " (" + r.refusal() + ")")
                .collect(Collectors.joining("\n"));
    }
}
