package com.licenseflow.request;

import com.licenseflow.inventory.assignment.AssignLicenses;
import com.licenseflow.inventory.assignment.AssignmentMode;
import com.licenseflow.inventory.assignment.LicenseAssignmentService;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.shared.Rule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An approved request whose licenses Microsoft 365 refused for some users (LicenseFlow undid them already): an admin
 * fixes the cause in the tenant and asks again for those users, or leaves them out, and the request says so.
 */
@Service
public class RefusedLicenses {

    private final LicenseRequestRepository requests;
    private final LicenseAssignmentService assignments;

    RefusedLicenses(LicenseRequestRepository requests, LicenseAssignmentService assignments) {
        this.requests = requests;
        this.assignments = assignments;
    }

    /** Assigns the approved product again to {@code userIds}, with the services the review left on. */
    @Transactional(propagation = Propagation.NESTED)
    public void askAgain(ChangeContext context, String requestId, List<String> userIds, Long sourceSubscriptionId) {
        LicenseRequest request = approvedFor(requestId, userIds);
        assignments.assign(
                context,
                new AssignLicenses(
                        request.assignedProductId(),
                        sourceSubscriptionId,
                        userIds,
                        request.disabledPlans(),
                        AssignmentMode.ADD));
        if (request.endsOn() != null) {
            assignments.setEndDate(context, request.assignedProductId(), userIds, request.endsOn());
        }
    }

    /** {@code userIds} do not get the license after all: denied, and the request only partly approved (or denied). */
    @Transactional(propagation = Propagation.NESTED)
    public LicenseRequest leaveOut(String requestId, List<String> userIds) {
        LicenseRequest request = approvedFor(requestId, userIds);
        Map<String, UserOutcome> outcomes = new LinkedHashMap<>();
        request.users()
                .forEach(
                        u -> outcomes.put(u.userId(), userIds.contains(u.userId()) ? UserOutcome.DENIED : u.outcome()));
        LicenseRequestStatus status = outcomes.containsValue(UserOutcome.APPROVED)
                ? LicenseRequestStatus.PARTLY_APPROVED
                : LicenseRequestStatus.DENIED;
        requests.changeOutcomes(requestId, status, outcomes);
        return request.withOutcomes(status, outcomes);
    }

    private LicenseRequest approvedFor(String requestId, List<String> userIds) {
        LicenseRequest request = requests.require(requestId);
        if (userIds.isEmpty()) {
            throw Rule.INVALID_INPUT.violation(
                    "Microsoft 365 refused nobody's license of this request: there is " + "nothing to resolve.");
        }
        Set<String> notApproved = new TreeSet<>(userIds);
        request.users().stream()
                .filter(u -> u.outcome() == UserOutcome.APPROVED)
                .forEach(u -> notApproved.remove(u.userId()));
        if (request.assignedProductId() == null || !notApproved.isEmpty()) {
            throw Rule.INVALID_INPUT.violation("Only users this request approved can be asked for again or left out.");
        }
        return request;
    }
}
