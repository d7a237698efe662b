package com.licenseflow.takeover.process;

import com.licenseflow.tenant.LicenseChangeRefusals;
import com.licenseflow.tenant.LicenseChangeRefusals.Refusal;
import com.licenseflow.workflow.ProcessBean;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * With a Microsoft 365 tenant connected, users moved to another product are moved once Microsoft 365 has done it: the
 * takeover waits for its answer ("Microsoft 365 to confirm?") before it cancels the subscription they came from, and
 * the users whose move it refused (LicenseFlow put them back on that subscription) go before an admin ("Resolve
 * refused moves"). Who was refused is read from the tenant changes this instance made, never from its variables.
 */
@Component("movesInMicrosoft365")
@ProcessBean
public class MovesInMicrosoft365 {

    private final LicenseChangeRefusals refusals;

    MovesInMicrosoft365(LicenseChangeRefusals refusals) {
        this.refusals = refusals;
    }

    /** Moves of this takeover still wait for Microsoft 365 to apply them. */
    public boolean toConfirm(DelegateExecution execution) {
        return refusals.awaited(execution.getProcessInstanceId());
    }

    public boolean refused(DelegateExecution execution) {
        return !refusals.lastRefusals(execution.getProcessInstanceId()).isEmpty();
    }

    /** What "Resolve refused moves" shows: each user, the product and why, in words. */
    public String summary(DelegateExecution execution) {
        return refusals.lastRefusals(execution.getProcessInstanceId()).stream()
                .map(Refusal::formLine)
                .collect(Collectors.joining("\n"));
    }

    /** The users whose last move Microsoft 365 refused. */
    List<String> refusedUserIds(DelegateExecution execution) {
        return refusals.lastRefusals(execution.getProcessInstanceId()).stream()
                .map(Refusal::userId)
                .toList();
    }
}
