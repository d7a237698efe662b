package com.licenseflow.request;

import com.licenseflow.inventory.assignment.AssignmentRepository;
import com.licenseflow.inventory.assignment.LicenseAssignment;
import com.licenseflow.inventory.assignment.UserBatch;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.shared.Matches;
import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * R1, R4: a user asks for a license for themselves and colleagues. Refused, with nothing created,
 * when the organisation uses its own request process, when the user may simply buy the product,
 * or when the request names unknown or duplicate users, too many, or users who already have it.
 */
@Service
public class LicenseRequestIntake {

    private static final int MAX_JUSTIFICATION = 2000;

    private final TenantSettingsService settings;
    private final ProductCatalog catalog;
    private final Directory directory;
    private final AssignmentRepository assignments;
    private final LicenseRequestRepository requests;
    private final Clock clock;

    public LicenseRequestIntake(
            TenantSettingsService settings,
            ProductCatalog catalog,
            Directory directory,
            AssignmentRepository assignments,
            LicenseRequestRepository requests,
            Clock clock) {
        this.settings = settings;
        this.catalog = catalog;
        this.directory = directory;
        this.assignments = assignments;
        this.requests = requests;
        this.clock = clock;
    }

    /** The latest end date a request may ask for. */
    static final int MAX_YEARS = 3;

    /**
     * @param product    the product's id or name, as the user typed it
     * @param colleagues user ids or email addresses of others who also need it (the requester is always included)
     */
    @Transactional(propagation = Propagation.NESTED)
    public LicenseRequest register(
            String requesterId,
            String product,
            List<String> colleagues,
            String justification,
            String endsOnText,
            String processInstanceId) {
        TenantSettings tenant = settings.current();
        if (tenant.ownRequestProcess()) {
            throw Rule.OWN_REQUEST_PROCESS.violation(tenant.ownRequestMessage()
                    + (tenant.ownRequestDocumentationUrl() == null
                            ? ""
                            : " More: " + tenant.ownRequestDocumentationUrl()));
        }
        DirectoryUser requester = directory.require(requesterId);
        Product wanted = resolve(product);
        if (wanted.selfServicePolicy() == SelfServicePolicy.ENABLED) {
            throw Rule.SELF_SERVICE_AVAILABLE.violation("No request is needed: you can buy " + wanted.name()
                    + " yourself as a self-service purchase, for yourself and colleagues.");
        }
        List<String> others = colleagues == null
                ? List.of()
                : colleagues.stream()
                        .map(String::trim)
                        .filter(c -> !c.isEmpty())
                        .filter(c -> !c.equals(requester.id()) && !c.equalsIgnoreCase(requester.email()))
                        .toList();
        List<DirectoryUser> users = new ArrayList<>();
        users.add(requester);
        users.addAll(directory.requireAllByIdOrEmail(others));
        List<String> userIds = users.stream().map(DirectoryUser::id).toList();
        UserBatch.validate(userIds);
        refuseHolders(wanted, users);
        refusePending(wanted, users);
        if (justification != null && justification.length() > MAX_JUSTIFICATION) {
            throw Rule.INVALID_INPUT.violation("The justification is " + justification.length()
                    + " characters long; keep it to " + MAX_JUSTIFICATION + ".");
        }
        Instant now = Instant.now(clock);
        LocalDate endsOn = endDate(endsOnText, LocalDate.now(clock));
        String id = UUID.randomUUID().toString();
        String why = blankToNull(justification);
        requests.insert(id, wanted.id(), requester.id(), why, now, processInstanceId, userIds, endsOn);
        return new LicenseRequest(
                id,
                wanted.id(),
                wanted.name(),
                requester.id(),
                requester.displayName(),
                why,
                now,
                LicenseRequestStatus.PENDING,
                processInstanceId,
                null,
                null,
                null,
                null,
                Set.of(),
                null,
                null,
                users.stream()
                        .map(u -> new RequestedUser(u.id(), u.displayName(), u.email(), UserOutcome.PENDING))
                        .toList(),
                endsOn);
    }

    /** The day the licenses should end, as asked (ISO date, e.g. 2027-03-31); null when none is asked for. */
    static LocalDate endDate(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate endsOn;
        try {
            endsOn = LocalDate.parse(text.trim().length() > 10 ? text.trim().substring(0, 10) : text.trim());
        } catch (DateTimeParseException notADate) {
            throw Rule.INVALID_INPUT.violation("'" + text + "' is not a date; give the day the license should end, "
                    + "such as " + today.plusMonths(3) + ".");
        }
        if (!endsOn.isAfter(today)) {
            throw Rule.INVALID_INPUT.violation("The license would end on " + endsOn + ", which is not after today; "
                    + "choose a later day, or leave the end date empty.");
        }
        if (endsOn.isAfter(today.plusYears(MAX_YEARS))) {
            throw Rule.INVALID_INPUT.violation("Choose an end date within " + MAX_YEARS + " years, or leave it "
                    + "empty for a license that does not end.");
        }
        return endsOn;
    }

    private Product resolve(String text) {
        String wanted = text == null ? "" : text.trim();
        return catalog.findByIdOrName(wanted).orElseThrow(() -> {
            List<String> requestable = catalog.list().stream()
                    .filter(p -> p.selfServicePolicy() != SelfServicePolicy.ENABLED)
                    .map(Product::name)
                    .toList();
            if (wanted.isEmpty()) {
                return Rule.UNKNOWN_PRODUCT.violation("Name the product you need.");
            }
            String close = Matches.didYouMean(wanted, requestable);
            return Rule.UNKNOWN_PRODUCT.violation("There is no product '" + wanted + "'."
                    + (close.isEmpty()
                            ? " Type the product's name as the admin center shows it, such as "
                                    + String.join(", ", requestable.subList(0, Math.min(3, requestable.size()))) + "."
                            : close));
        });
    }

    private void refuseHolders(Product product, List<DirectoryUser> users) {
        Map<String, List<LicenseAssignment>> held =
                assignments.activeByUser(users.stream().map(DirectoryUser::id).toList());
        List<String> holders = users.stream()
                .filter(u -> held.getOrDefault(u.id(), List.of()).stream()
                        .anyMatch(a -> a.productId().equals(product.id())))
                .map(DirectoryUser::label)
                .toList();
        if (!holders.isEmpty()) {
            throw Rule.ALREADY_LICENSED.violation(
                    String.join(", ", holders) + (holders.size() == 1 ? " already has" : " already have") + " a "
                            + product.name() + " license. Leave "
                            + (holders.size() == 1 ? "them" : "those users") + " out of the request.");
        }
    }

    private void refusePending(Product product, List<DirectoryUser> users) {
        Map<String, String> pending = requests.pendingRequestsOf(
                product.id(), users.stream().map(DirectoryUser::id).toList());
        if (!pending.isEmpty()) {
            String who = users.stream()
                    .filter(u -> pending.containsKey(u.id()))
                    .map(DirectoryUser::displayName)
                    .collect(Words.and());
            throw Rule.DUPLICATE_REQUEST.violation("A request for " + product.name() + " is already waiting for a "
                    + "decision for " + who + ". Wait for that decision, or leave "
                    + (pending.size() == 1 ? "that user" : "those users") + " out.");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
