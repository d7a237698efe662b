package com.licenseflow.lifecycle;

import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.audit.AuditAction;
import com.licenseflow.inventory.audit.AuditTrail;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionKind;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Low-seat alerts: per product, the free central seats (or share of all seats) below which billing
 * admins hear about it, once per crossing. "Watch seats" checks every product on a timer; a product
 * that has enough free seats again is armed for its next alert.
 */
@Service
public class LowSeatAlerts {

    static final String TO_DO = "set low-seat alerts";
    static final Duration TREND = Duration.ofDays(30);

    /** A product's alert: its threshold, and whether it is below it now (alerted). */
    public record SeatAlert(
            String productId,
            String productName,
            Integer minFreeSeats,
            Integer minFreePercent,
            boolean below,
            int freeSeats,
            int totalSeats) {

        /** "fewer than 3 free seats", "less than 10 % of its seats free". */
        public String thresholdWords() {
            return minFreeSeats != null
                    ? "fewer than " + Words.count(minFreeSeats, "free seat", "free seats")
                    : "less than " + minFreePercent + " % of its seats free";
        }
    }

    /** A product that just fell below its threshold, in the words its alert uses. */
    public record LowProduct(SeatAlert alert, String trend, Instant crossedAt) {}

    private final SeatAlertRows rows;
    private final ProductCatalog catalog;
    private final SubscriptionRepository subscriptions;
    private final AuditTrail audit;
    private final LicenseLedger ledger;
    private final AccessPolicy access;
    private final Clock clock;

    public LowSeatAlerts(
            SeatAlertRows rows,
            ProductCatalog catalog,
            SubscriptionRepository subscriptions,
            AuditTrail audit,
            LicenseLedger ledger,
            AccessPolicy access,
            Clock clock) {
        this.rows = rows;
        this.catalog = catalog;
        this.subscriptions = subscriptions;
        this.audit = audit;
        this.ledger = ledger;
        this.access = access;
        this.clock = clock;
    }

    public List<SeatAlert> list(Actor actor) {
        access.requireBillingManager(actor, TO_DO);
        return rows.all().stream().map(this::alert).toList();
    }

    /** Sets a product's threshold: exactly one of {@code minFreeSeats} and {@code minFreePercent}. */
    @Transactional(propagation = Propagation.NESTED)
    public SeatAlert set(ChangeContext context, String productId, Integer minFreeSeats, Integer minFreePercent) {
        access.requireBillingManager(context.actor(), TO_DO);
        Product product = catalog.require(productId);
        if ((minFreeSeats == null) == (minFreePercent == null)) {
            throw Rule.INVALID_INPUT.violation("Give either the fewest free seats (minFreeSeats) or the smallest share "
                    + "of seats free in percent (minFreePercent) below which billing admins are told, not "
                    + (minFreeSeats == null ? "neither." : "both."));
        }
        if (minFreeSeats != null && (minFreeSeats < 1 || minFreeSeats > 100_000)) {
            throw Rule.INVALID_INPUT.violation(
                    "The fewest free seats must be between 1 and 100,000, not " + minFreeSeats + ".");
        }
        if (minFreePercent != null && (minFreePercent < 1 || minFreePercent > 99)) {
            throw Rule.INVALID_INPUT.violation(
                    "The share of seats free must be between 1 and 99 %, not " + minFreePercent + ".");
        }
        rows.save(productId, minFreeSeats, minFreePercent);
        SeatAlert alert = require(productId);
        ledger.record(
                context,
                AuditAction.SEAT_ALERT_CHANGED,
                null,
                productId,
                null,
                "Billing admins are told when " + product.name() + " has " + alert.thresholdWords());
        return alert;
    }

    @Transactional(propagation = Propagation.NESTED)
    public void remove(ChangeContext context, String productId) {
        access.requireBillingManager(context.actor(), TO_DO);
        Product product = catalog.require(productId);
        if (rows.delete(productId) == 1) {
            ledger.record(
                    context,
                    AuditAction.SEAT_ALERT_CHANGED,
                    null,
                    productId,
                    null,
                    "No more low-seat alerts for " + product.name());
        }
    }

    /**
     * Compares every product's free seats with its threshold: a product newly below is marked as
     * alerted by {@code processInstanceId}; one with enough free seats again is armed. Returns how many
     * are newly below.
     */
    @Transactional(propagation = Propagation.NESTED)
    public int check(String processInstanceId) {
        int newlyLow = 0;
        Instant now = Instant.now(clock);
        for (SeatAlertRows.Row row : rows.all()) {
            SeatAlert alert = alert(row);
            boolean low = isLow(alert);
            if (low && !row.below() && rows.markBelow(row.productId(), now, processInstanceId)) {
                newlyLow++;
            } else if (!low && row.below()) {
                rows.rearm(row.productId());
            }
        }
        return newlyLow;
    }

    /** The products {@code processInstanceId} found newly below, for its alert. */
    public List<LowProduct> foundBy(String processInstanceId) {
        Instant since = Instant.now(clock).minus(TREND);
        return rows.alertedBy(processInstanceId).stream()
                .map(row -> {
                    int given = audit.count(row.productId(), AuditAction.LICENSE_ASSIGNED, since);
                    int removed = audit.count(row.productId(), AuditAction.LICENSE_UNASSIGNED, since);
                    return new LowProduct(
                            alert(row),
                            Words.count(given, "license", "licenses") + " given out and " + removed
                                    + " removed in the last 30 days",
                            row.crossedAt());
                })
                .toList();
    }

    private SeatAlert require(String productId) {
        return rows.all().stream()
                .filter(r -> r.productId().equals(productId))
                .findFirst()
                .map(this::alert)
                .orElseThrow();
    }

    private SeatAlert alert(SeatAlertRows.Row row) {
        List<Subscription> central = subscriptions.usable(row.productId(), SubscriptionKind.CENTRAL);
        int total = central.stream().mapToInt(Subscription::quantity).sum();
        int free = central.stream().mapToInt(Subscription::availableSeats).sum();
        return new SeatAlert(
                row.productId(),
                catalog.require(row.productId()).name(),
                row.minFreeSeats(),
                row.minFreePercent(),
                row.below(),
                free,
                total);
    }

    private static boolean isLow(SeatAlert alert) {
        if (alert.minFreeSeats() != null) {
            return alert.freeSeats() < alert.minFreeSeats();
        }
        return alert.totalSeats() > 0 && alert.freeSeats() * 100L < (long) alert.minFreePercent() * alert.totalSeats();
    }
}
