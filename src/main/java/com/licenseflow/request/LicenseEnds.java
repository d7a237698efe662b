package com.licenseflow.request;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.assignment.AssignmentRepository;
import com.licenseflow.inventory.assignment.LicenseAssignment;
import com.licenseflow.inventory.assignment.LicenseAssignmentService;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Licenses that end: those a request granted until its end date (asked for, or the approval
 * policy's). Before the day, holders and their managers may ask for an extension, which the role of
 * the request's last stage approves (a shortened approval: one stage); on the day, the licenses
 * still ending then are removed, their mailbox data kept like any other removal.
 */
@Service
public class LicenseEnds {

    /** Who ends a license on its end date, as the audit trail names it. */
    public static final Actor END_DATE = Actor.system("end-date", "The license's end date", AdminRole.LICENSE_ADMIN);

    private final LicenseRequestRepository requests;
    private final AssignmentRepository assignments;
    private final LicenseAssignmentService licenses;
    private final DirectoryRepository directory;
    private final ApprovalStages stages;
    private final Clock clock;

    public LicenseEnds(
            LicenseRequestRepository requests,
            AssignmentRepository assignments,
            LicenseAssignmentService licenses,
            DirectoryRepository directory,
            ApprovalStages stages,
            Clock clock) {
        this.requests = requests;
        this.assignments = assignments;
        this.licenses = licenses;
        this.directory = directory;
        this.stages = stages;
        this.clock = clock;
    }

    /** Whether the request granted licenses that end: approved for someone, with an end date. */
    public boolean endsOnADate(LicenseRequest request) {
        return request.endsOn() != null && request.users().stream().anyMatch(u -> u.outcome() == UserOutcome.APPROVED);
    }

    /** The approved users who still hold the product the request granted. */
    public List<DirectoryUser> holders(LicenseRequest request) {
        String product = granted(request);
        List<String> approved = approved(request);
        List<String> holding = assignments.activeByUser(approved).values().stream()
                .flatMap(List::stream)
                .filter(a -> a.productId().equals(product))
                .map(LicenseAssignment::userId)
                .toList();
        return directory.findAll(holding).values().stream().toList();
    }

    /** The holders and their managers: who is told the license ends and may ask for an extension. */
    public List<DirectoryUser> holdersAndManagers(LicenseRequest request) {
        Set<String> ids = new LinkedHashSet<>();
        holders(request).forEach(holder -> {
            ids.add(holder.id());
            if (holder.managerId() != null) {
                ids.add(holder.managerId());
            }
        });
        return directory.findAll(ids).values().stream().toList();
    }

    /** Refuses an extension asked by someone who is neither a holder nor a holder's manager, or for a bad date. */
    public void requireMayAsk(LicenseRequest request, Actor asker, LocalDate until) {
        if (holdersAndManagers(request).stream().noneMatch(u -> u.id().equals(asker.userId()))) {
            throw Rule.NOT_THE_APPROVER.violation(
                    "Only the people who hold these licenses and their managers can " + "ask for an extension.");
        }
        requireExtensionDate(request, until);
    }

    /**
     * Extends the licenses to {@code until}. The approver holds the role of the request's last stage and
     * is neither a holder, the requester, nor who asked for the extension (four-eyes).
     */
    @Transactional(propagation = Propagation.NESTED)
    public LicenseRequest extend(ChangeContext context, String requestId, LocalDate until, String askedBy) {
        LicenseRequest request = requests.require(requestId);
        Actor approver = context.actor();
        Set<AdminRole> roles = stages.finalApproverRoles(requestId);
        if (approver.roles().stream().noneMatch(roles::contains)) {
            throw Rule.NOT_THE_APPROVER.violation("An extension is approved by "
                    + new ApprovalPolicy.Approver(false, roles).words() + ", as the request was.");
        }
        if (approver.userId().equals(askedBy)
                || approver.userId().equals(request.requesterId())
                || holders(request).stream().anyMatch(h -> h.id().equals(approver.userId()))) {
            throw Rule.FOUR_EYES.violation("You asked for this extension, made the request or hold one of its "
                    + "licenses, so another administrator must approve it.");
        }
        requireExtensionDate(request, until);
        licenses.setEndDate(context, granted(request), approved(request), until);
        requests.changeEndDate(requestId, until);
        return requests.require(requestId);
    }

    /** Removes the request's licenses whose end date has come; returns those it removed. */
    @Transactional(propagation = Propagation.NESTED)
    public List<LicenseAssignment> endDue(String requestId, String processInstanceId) {
        LicenseRequest request = requests.require(requestId);
        return licenses.endDue(
                ChangeContext.byProcess(
                        END_DATE, "license ended on its end date, " + Words.day(request.endsOn()), processInstanceId),
                granted(request),
                approved(request),
                LocalDate.now(clock));
    }

    /** The users whose license of the request ended on its end date. */
    public List<DirectoryUser> ended(LicenseRequest request) {
        List<String> ids =
                assignments.endedOn(granted(request), approved(request), request.endsOn(), END_DATE.userId()).stream()
                        .map(LicenseAssignment::userId)
                        .toList();
        return directory.findAll(ids).values().stream().toList();
    }

    private void requireExtensionDate(LicenseRequest request, LocalDate until) {
        LocalDate today = LocalDate.now(clock);
        if (until == null || !until.isAfter(Objects.requireNonNullElse(request.endsOn(), today))) {
            throw Rule.INVALID_INPUT.violation(
                    "Choose a day after " + request.endsOn() + ", when the licenses end now.");
        }
        if (until.isAfter(today.plusYears(LicenseRequestIntake.MAX_YEARS))) {
            throw Rule.INVALID_INPUT.violation("Choose a day within " + LicenseRequestIntake.MAX_YEARS + " years.");
        }
    }

    private static String granted(LicenseRequest request) {
        return request.assignedProductId() == null ? request.productId() : request.assignedProductId();
    }

    private static List<String> approved(LicenseRequest request) {
        return request.users().stream()
                .filter(u -> u.outcome() == UserOutcome.APPROVED)
                .map(RequestedUser::userId)
                .toList();
    }
}
