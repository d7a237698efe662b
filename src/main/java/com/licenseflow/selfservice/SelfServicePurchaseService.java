package com.licenseflow.selfservice;

import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.assignment.AssignLicenses;
import com.licenseflow.inventory.assignment.AssignmentMode;
import com.licenseflow.inventory.assignment.LicenseAssignmentService;
import com.licenseflow.inventory.assignment.UserBatch;
import com.licenseflow.inventory.audit.AuditAction;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionKind;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.inventory.subscription.SubscriptionStatus;
import com.licenseflow.shared.Rule;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user buys a product for themselves and colleagues where the organisation's policy (S3) allows
 * it. This is how self-service subscriptions come to exist.
 */
@Service
public class SelfServicePurchaseService {

    static final int TRIAL_DAYS = 30;
    static final int MAX_SEATS = 10_000;

    private final Directory directory;
    private final ProductCatalog catalog;
    private final SubscriptionRepository subscriptions;
    private final LicenseAssignmentService assignments;
    private final LicenseLedger ledger;
    private final Clock clock;
    private final int cancellationWindowDays;

    public SelfServicePurchaseService(
            Directory directory,
            ProductCatalog catalog,
            SubscriptionRepository subscriptions,
            LicenseAssignmentService assignments,
            LicenseLedger ledger,
            Clock clock,
            SelfServiceSettings config) {
        this.directory = directory;
        this.catalog = catalog;
        this.subscriptions = subscriptions;
        this.assignments = assignments;
        this.ledger = ledger;
        this.clock = clock;
        this.cancellationWindowDays = config.cancellationWindowDays();
    }

    /** Buys {@code quantity} seats and gives licenses to {@code assignTo} (the buyer when empty). */
    @Transactional(propagation = Propagation.NESTED)
    public Subscription purchase(
            ChangeContext context, String productId, int quantity, List<String> assignTo, boolean trial) {
        DirectoryUser buyer = directory.require(context.actorId());
        Product product = catalog.require(productId);
        List<String> licensees = assignTo == null || assignTo.isEmpty() ? List.of(buyer.id()) : assignTo;
        requireAllowed(buyer, product, trial);
        if (quantity < 1 || quantity > MAX_SEATS) {
            throw Rule.INVALID_INPUT.violation(
                    "Buy between 1 and " + MAX_SEATS + " licenses; " + quantity + " is outside that range.");
        }
        UserBatch.validate(licensees);
        if (licensees.size() > quantity) {
            throw Rule.NOT_ENOUGH_SEATS.violation("You are buying " + quantity + " licenses but want to assign "
                    + licensees.size() + ". Buy at least " + licensees.size() + ", or assign fewer.");
        }
        LocalDate today = LocalDate.now(clock);
        long id = subscriptions.insert(new Subscription(
                0,
                productId,
                SubscriptionKind.SELF_SERVICE,
                buyer.id(),
                quantity,
                0,
                SubscriptionStatus.ACTIVE,
                trial,
                today,
                trial ? today.plusDays(TRIAL_DAYS) : today.plusYears(1),
                trial ? BigDecimal.ZERO : product.listPricePerSeat(),
                !trial,
                cancellationWindowDays,
                null));
        ledger.record(
                context,
                AuditAction.SELF_SERVICE_PURCHASED,
                buyer.id(),
                productId,
                id,
                buyer.displayName() + " bought " + quantity + " " + product.name() + (trial ? " trial" : "")
                        + (quantity == 1 ? " license" : " licenses"));
        assignments.assign(context, new AssignLicenses(productId, id, licensees, Set.of(), AssignmentMode.ADD));
        return subscriptions.require(id);
    }

    private static void requireAllowed(DirectoryUser buyer, Product product, boolean trial) {
        if (buyer.isGuest()) {
            throw Rule.SELF_SERVICE_PURCHASE_NOT_ALLOWED.violation("Guest users cannot make self-service purchases. "
                    + "Ask someone in the organisation to request " + product.name() + " for you.");
        }
        SelfServicePolicy policy = product.selfServicePolicy();
        if (policy == SelfServicePolicy.DISABLED) {
            throw Rule.SELF_SERVICE_PURCHASE_NOT_ALLOWED.violation("Your organisation has switched off self-service "
                    + "purchases of " + product.name() + ". Ask for a license instead (in Tasklist: Start process, "
                    + "License request approval); an administrator will decide.");
        }
        if (policy == SelfServicePolicy.ONLY_TRIALS_WITHOUT_PAYMENT_METHOD && !trial) {
            throw Rule.SELF_SERVICE_PURCHASE_NOT_ALLOWED.violation("Your organisation only allows trials of "
                    + product.name() + " without a payment method. Start a trial (\"trial\": true), or request a "
                    + "license instead.");
        }
    }
}
