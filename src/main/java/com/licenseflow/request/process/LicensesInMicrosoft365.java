package com.licenseflow.request.process;

import com.licenseflow.request.LicenseRequest;
import com.licenseflow.request.RequestedUser;
import com.licenseflow.request.UserOutcome;
import com.licenseflow.tenant.LicenseChangeRefusals;
import com.licenseflow.tenant.LicenseChangeRefusals.Refusal;
import com.licenseflow.workflow.ProcessBean;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * With a Microsoft 365 tenant connected, a request's licenses count once Microsoft 365 has them: the request waits for
 * its answer ("Microsoft 365 to confirm?"), and the approved users it refused go before an admin ("Resolve refused
 * licenses") before anyone is told. What was refused is read from the tenant changes this instance made, never from
 * its variables.
 */
@Component("licensesInMicrosoft365")
@ProcessBean
public class LicensesInMicrosoft365 {

    private final LicenseChangeRefusals refusals;
    private final LicenseRequestOfInstance requests;

    LicensesInMicrosoft365(LicenseChangeRefusals refusals, LicenseRequestOfInstance requests) {
        this.refusals = refusals;
        this.requests = requests;
    }

    /** Licenses this request assigned still wait for Microsoft 365 to apply them. */
    public boolean toConfirm(DelegateExecution execution) {
        return refusals.awaited(execution.getProcessInstanceId());
    }

    public boolean refused(DelegateExecution execution) {
        return !refusedUsers(execution.getProcessInstanceId(), requests.of(execution))
                .isEmpty();
    }

    /** What "Resolve refused licenses" shows: each user, the product and why, in words. */
    public String summary(DelegateExecution execution) {
        return refusedUsers(execution.getProcessInstanceId(), requests.of(execution)).stream()
                .map(Refusal::formLine)
                .collect(Collectors.joining("\n"));
    }

    /** The approved users whose license Microsoft 365 refused last time it was asked. */
    List<String> refusedUserIds(DelegateExecution execution) {
        return refusedUsers(execution.getProcessInstanceId(), requests.of(execution)).stream()
                .map(Refusal::userId)
                .toList();
    }

    /** Why Microsoft 365 refused each user left out of {@code request}, by user id. */
    Map<String, String> refusedBy(LicenseRequest request) {
        return refusals.lastRefusals(request.processInstanceId()).stream()
                .collect(Collectors.toMap(Refusal::userId, Refusal::words, (first, second) -> second));
    }

    private List<Refusal> refusedUsers(String processInstanceId, LicenseRequest request) {
        Set<String> approved = request.users().stream()
                .filter(u -> u.outcome() == UserOutcome.APPROVED)
                .map(RequestedUser::userId)
                .collect(Collectors.toSet());
        return refusals.lastRefusals(processInstanceId).stream()
                .filter(r -> approved.contains(r.userId()))
                .toList();
    }
}
