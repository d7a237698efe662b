package com.licenseflow.inventory;

import com.licenseflow.inventory.assignment.AssignmentRepository;
import com.licenseflow.inventory.assignment.LicenseAssignment;
import com.licenseflow.inventory.audit.AuditAction;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.catalog.ServicePlan;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.inventory.subscription.SubscriptionStatus;
import com.licenseflow.inventory.subscription.SubscriptionWords;
import com.licenseflow.shared.Rows;
import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The one place that changes licenses, seat counters and the audit trail. The API, the license
 * request, the takeover and the centralization all go through it, so a rule about a license change
 * (keep the mailbox data 30 days, give the seat back, write the audit row) is written once, and so
 * is anything that must follow every change later (a Microsoft 365 tenant to update).
 *
 * <p>Every write joins the caller's transaction: a change and its audit rows commit or roll back
 * together, in the engine's transaction when a process step makes it. Set-based operations handle a
 * whole chunk in a few statements (a subscription can hold thousands of users) and write their audit
 * rows by INSERT ... SELECT into the same columns as {@link #record}.
 */
@Component
public class LicenseLedger {

    private static final String AUDIT_INSERT =
            "insert into audit_log (occurred_at, actor, action, user_id, product_id, "
                    + "subscription_id, details, reason, process_instance_id) ";
    // Audit rows written in sets name each user as people know them, as the single ones do.
    private static final String USER_NAME =
            "coalesce((select u.display_name from directory_user u where u.id = a.user_id), a.user_id)";
    private static final int MAX_ATTEMPTS_PER_SUBSCRIPTION = 50;

    private final JdbcClient jdbc;
    private final SubscriptionRepository subscriptions;
    private final ProductCatalog catalog;
    private final Clock clock;
    private final AssignmentRepository assignments;
    private final TenantWrites tenant;
    private final SubscriptionWords subscriptionWords;

    public LicenseLedger(
            JdbcClient jdbc,
            SubscriptionRepository subscriptions,
            ProductCatalog catalog,
            Clock clock,
            AssignmentRepository assignments,
            TenantWrites tenant,
            SubscriptionWords subscriptionWords) {
        this.subscriptionWords = subscriptionWords;
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.clock = clock;
        this.assignments = assignments;
        this.tenant = tenant;
    }

    /** Appends one row to the audit trail (append-only: nothing updates or deletes an audit row). */
    public void record(
            ChangeContext context,
            AuditAction action,
            String userId,
            String productId,
            Long subscriptionId,
            String details) {
        jdbc.sql(AUDIT_INSERT + "values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        Rows.timestamp(Instant.now(clock)),
                        context.actorId(),
                        action.name(),
                        userId,
                        productId,
                        subscriptionId,
                        details,
                        context.reason(),
                        context.processInstanceId())
                .update();
    }

    /**
     * A user's usage location set in LicenseFlow: audited, and with a tenant connected recorded for the tenant in the
     * same transaction, to be sent before the user's license changes that follow (they need one).
     */
    public void usageLocationChanged(ChangeContext context, String userId, String usageLocation, String details) {
        record(context, AuditAction.USAGE_LOCATION_CHANGED, userId, null, null, details);
        if (tenant.enabled()) {
            jdbc.sql("""
                            insert into tenant_user_change (user_id, usage_location, requested_by, requested_at)
                            values (?, ?, ?, ?)""")
                    .params(userId, usageLocation, context.actorId(), Rows.timestamp(Instant.now(clock)))
                    .update();
        }
    }

    /** A8: until when a license removed today keeps the user's mailbox data. */
    public LocalDate dataKeptUntil() {
        return LocalDate.now(clock).plusDays(LicenseAssignment.MAILBOX_DATA_KEPT_DAYS);
    }

    // Seats. A seat is only ever taken by a conditional update evaluated under the row lock, so two
    // callers (or two nodes) racing for the last seat cannot both win, and the check constraint
    // 0 <= assigned_seats <= quantity holds whatever happens.

    /** Takes {@code seats} seats of one subscription if that many are free at the moment the row is locked. */
    public boolean takeSeats(long subscriptionId, int seats) {
        return jdbc.sql("""
                        update subscription set assigned_seats = assigned_seats + :seats
                        where id = :id and status in ('ACTIVE', 'EXPIRED') and assigned_seats + :seats <= quantity""").param("seats", seats).param("id", subscriptionId).update() == 1;
    }

    /**
     * Takes {@code needed} seats from {@code from}, in order; one subscription id per seat taken. When
     * the seats run out half way the refusal rolls back (callers run in a nested transaction).
     */
    public List<Long> takeSeats(Product product, List<Subscription> from, int needed) {
        requireAvailable(product, from, needed);
        List<Long> seats = new ArrayList<>(needed);
        int remaining = needed;
        for (Subscription candidate : from) {
            // The first try trusts the caller's fresh read; a failed update means another caller changed
            // the row since, so read it again.
            Subscription current = candidate;
            for (int attempt = 0; remaining > 0 && attempt < MAX_ATTEMPTS_PER_SUBSCRIPTION; attempt++) {
                if (attempt > 0) {
                    current = subscriptions.require(candidate.id());
                }
                int take = Math.min(remaining, current.availableSeats());
                if (take <= 0 || !current.status().providesLicenses()) {
                    break;
                }
                if (takeSeats(candidate.id(), take)) {
                    remaining -= take;
                    for (int i = 0; i < take; i++) {
                        seats.add(candidate.id());
                    }
                }
            }
        }
        if (remaining > 0) {
            // Someone else took the seats between our count and our update.
            throw notEnough(product, needed, needed - remaining);
        }
        return seats;
    }

    /** Refuses, saying how many are missing and what to do, when {@code from} has fewer than {@code needed} free seats. */
    private void requireAvailable(Product product, List<Subscription> from, int needed) {
        int available = from.stream().mapToInt(Subscription::availableSeats).sum();
        if (available < needed) {
            throw notEnough(product, needed, available);
        }
    }

    /**
     * Reserves {@code seats} seats of a subscription for a move that will hand them out chunk by chunk;
     * false, with nothing reserved, when that many are not free.
     */
    public boolean reserveSeats(
            ChangeContext context, long subscriptionId, String productId, int seats, String details) {
        if (seats > 0 && !takeSeats(subscriptionId, seats)) {
            return false;
        }
        record(context, AuditAction.SEATS_RESERVED, null, productId, subscriptionId, details);
        return true;
    }

    /** Gives back seats that were reserved and not used. */
    public void releaseSeats(ChangeContext context, long subscriptionId, String productId, int seats, String details) {
        returnSeats(subscriptionId, seats);
        record(context, AuditAction.SEATS_RELEASED, null, productId, subscriptionId, details);
    }

    /** Buys {@code seats} more seats on a subscription. */
    public void addSeats(ChangeContext context, long subscriptionId, String productId, int seats, String details) {
        jdbc.sql("update subscription set quantity = quantity + ? where id = ?")
                .params(seats, subscriptionId)
                .update();
        record(context, AuditAction.SEATS_PURCHASED, null, productId, subscriptionId, details);
    }

    /** A product the connected tenant has and the inventory did not. */
    public void addProductFromTenant(ChangeContext context, Product product) {
        catalog.insert(product);
        record(
                context,
                AuditAction.PRODUCT_ADDED_FROM_TENANT,
                null,
                product.id(),
                null,
                "Changed outside LicenseFlow: " + product.name()
                        + " is in the Microsoft 365 tenant, with "
                        + product.servicePlans().size() + " apps and services");
    }

    /**
     * A connected tenant's seats of a product as the tenant says: the tenant's subscription of the SKU is
     * created the first time, its seats and status changed when they changed in the tenant (recorded as
     * changed outside LicenseFlow). Seats never drop below those assigned: a tenant can be over-assigned
     * while in warning, and the audit row says so. Returns whether anything changed.
     */
    public boolean tenantSeats(
            ChangeContext context, Product product, String skuId, int seats, SubscriptionStatus status) {
        Long id = jdbc.sql("select id from subscription where tenant_sku_id = ?")
                .param(skuId)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (id == null) {
            LocalDate today = LocalDate.now(clock);
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                            insert into subscription (product_id, kind, quantity, status, term_start, expires_on,
                                                      price_per_seat, recurring_billing, tenant_sku_id)
                            values (?, 'CENTRAL', ?, ?, ?, ?, ?, true, ?)""")
                    .params(
                            product.id(),
                            seats,
                            status.name(),
                            today,
                            today.plusYears(1),
                            product.listPricePerSeat(),
                            skuId)
                    .update(key, "id");
            long created = key.getKey().longValue();
            record(
                    context,
                    AuditAction.SEATS_CHANGED_IN_TENANT,
                    null,
                    product.id(),
                    created,
                    "Changed outside LicenseFlow: " + product.name() + " has " + seats
                            + " seats in the Microsoft 365 tenant (" + status.label() + ")");
            return true;
        }
        Subscription current = subscriptions.require(id);
        int kept = Math.max(seats, current.assignedSeats());
        if (current.quantity() != kept || current.status() != status) {
            jdbc.sql("update subscription set quantity = ?, status = ?, status_changed_at = case when status = ? "
                            + "then status_changed_at else ? end where id = ?")
                    .params(kept, status.name(), status.name(), Rows.timestamp(Instant.now(clock)), id)
                    .update();
            record(
                    context,
                    AuditAction.SEATS_CHANGED_IN_TENANT,
                    null,
                    product.id(),
                    id,
                    "Changed outside LicenseFlow: " + product.name() + " seats from " + current.quantity() + " to "
                            + seats
                            + (current.status() != status
                                    ? ", " + current.status().label() + " now " + status.label()
                                    : "")
                            + (kept > seats
                                    ? "; " + current.assignedSeats() + " are assigned, more than the tenant's " + seats
                                    : ""));
            return true;
        }
        return false;
    }

    private void returnSeats(long subscriptionId, int seats) {
        int updated = jdbc.sql("update subscription set assigned_seats = assigned_seats - :seats "
                        + "where id = :id and assigned_seats >= :seats")
                .param("seats", seats)
                .param("id", subscriptionId)
                .update();
        if (updated != 1) {
            throw new IllegalStateException(
                    "Subscription " + subscriptionId + " has fewer than " + seats + " seats in use");
        }
    }

    private static RuntimeException notEnough(Product product, int needed, int available) {
        return Rule.NOT_ENOUGH_SEATS.violation("Not enough licenses for " + product.name() + ": " + needed
                + (needed == 1 ? " user needs one" : " users need one") + " but only " + available
                + (available == 1 ? " is" : " are") + " available. Buy more licenses (add seats to a subscription), "
                + "unassign licenses from users who no longer need them, or assign to fewer users.");
    }

    // Licenses, one at a time.

    /**
     * Gives a user a license of a seat already taken on {@code subscriptionId}. A second active license
     * of the same product fails on the unique key one_active_license_per_product (DuplicateKeyException).
     */
    public long assign(
            ChangeContext context,
            String userId,
            long subscriptionId,
            String productId,
            Collection<String> disabledPlans,
            String details) {
        requireKnownToTenant(productId, disabledPlans);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into license_assignment (user_id, subscription_id, product_id, active_product_id,
                               disabled_plans, assigned_at, assigned_by)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        userId,
                        subscriptionId,
                        productId,
                        productId,
                        Rows.planList(disabledPlans),
                        Rows.timestamp(Instant.now(clock)),
                        context.actorId())
                .update(key, "id");
        record(context, AuditAction.LICENSE_ASSIGNED, userId, productId, subscriptionId, details);
        long id = key.getKeyAs(Number.class).longValue();
        tenantChange(context, id, userId, productId, TenantChange.ASSIGN, null);
        return id;
    }

    /** Removes a license: its seat goes back, the user's mailbox data is kept until {@link #dataKeptUntil()}. */
    public void remove(ChangeContext context, LicenseAssignment license, String details) {
        int removed = jdbc.sql("""
                        update license_assignment set active_product_id = null, unassigned_at = ?, unassigned_by = ?,
                               data_retained_until = ?
                        where id = ? and active_product_id is not null""")
                .params(Rows.timestamp(Instant.now(clock)), context.actorId(), dataKeptUntil(), license.id())
                .update();
        if (removed == 1) {
            returnSeats(license.subscriptionId(), 1);
            record(
                    context,
                    AuditAction.LICENSE_UNASSIGNED,
                    license.userId(),
                    license.productId(),
                    license.subscriptionId(),
                    details);
            tenantChange(context, license.id(), license.userId(), license.productId(), TenantChange.REMOVE, null);
        }
    }

    /** Sets the day a license ends (null: it no longer ends). */
    public void setEndDate(ChangeContext context, LicenseAssignment license, LocalDate endsOn, String details) {
        jdbc.sql("update license_assignment set ends_on = ? where id = ? and active_product_id is not null")
                .params(endsOn, license.id())
                .update();
        record(
                context,
                AuditAction.LICENSE_END_DATE_SET,
                license.userId(),
                license.productId(),
                license.subscriptionId(),
                details);
    }

    /** Switches a license's apps and services: {@code disabledPlans} off, the rest on. */
    public void changeServices(
            ChangeContext context, LicenseAssignment license, Collection<String> disabledPlans, String details) {
        requireKnownToTenant(license.productId(), disabledPlans);
        jdbc.sql("update license_assignment set disabled_plans = ? where id = ?")
                .params(Rows.planList(disabledPlans), license.id())
                .update();
        record(
                context,
                AuditAction.SERVICE_PLANS_CHANGED,
                license.userId(),
                license.productId(),
                license.subscriptionId(),
                details);
        tenantChange(
                context,
                license.id(),
                license.userId(),
                license.productId(),
                TenantChange.PLANS,
                Rows.planList(license.disabledPlans()));
    }

    // Licenses, set-based.

    /** Which process took licenses away in a move; its column on the old license finds the moved rows again. */
    public enum MovedBy {
        TAKEOVER("removed_by_takeover_id"),
        CENTRALIZATION("removed_by_centralization_id");

        private final String column;

        MovedBy(String column) {
            this.column = column;
        }
    }

    /**
     * One chunk of licenses to move to {@code targetSubscriptionId}.
     *
     * @param selection         SQL condition on {@code license_assignment a} naming the licenses of the
     *                          chunk, held or already moved (by product_id, not active_product_id); named
     *                          parameters from {@code parameters}
     * @param fromSubscriptionId the one subscription the chunk's licenses are on, or null when they are on
     *                          several (their seats are then counted back per subscription)
     * @param disabledPlansOnTarget each switched-off plan list of the chunk mapped to the list on the target
     *                          (empty, or each mapped to itself, keeps the lists as they are)
     * @param skipUsersHoldingTarget users who already hold the target product keep that license and get no second
     * @param dataKeptUntil     the old licenses' mailbox data deadline, or null when the user keeps the data
     *                          (the new license is of the same product)
     */
    public record LicenseMove(
            MovedBy movedBy,
            long movedById,
            String selection,
            Map<String, Object> parameters,
            Long fromSubscriptionId,
            long targetSubscriptionId,
            String targetProductId,
            Map<String, String> disabledPlansOnTarget,
            boolean skipUsersHoldingTarget,
            LocalDate dataKeptUntil,
            String assignedText,
            String removedText) {}

    /** What a move did: licenses removed from their old subscriptions, and new ones created on the target. */
    public record MoveResult(int removed, int assigned) {}

    /**
     * Moves a chunk of licenses: removes the old licenses first and then creates the new ones, in this
     * order and in the caller's one transaction, so that with old and new of the same product the
     * unique key one_active_license_per_product is never violated and nobody is ever seen with two
     * licenses or none. The old subscriptions get their seats back; the target's seats must have been
     * taken (reserved) by the caller. Audit texts end with the user's id.
     */
    public MoveResult move(ChangeContext context, LicenseMove move) {
        Instant now = Instant.now(clock);
        String marker = move.movedBy().column;
        int removed = bind(
                        jdbc.sql("update license_assignment a set active_product_id = null, unassigned_at = :now, "
                                + "unassigned_by = :actor, data_retained_until = :keptUntil, " + marker + " = :movedBy "
                                + "where (" + move.selection() + ") and a.active_product_id is not null"),
                        context,
                        move,
                        now)
                .param("keptUntil", move.dataKeptUntil())
                .update();
        String movedRows =
                " from license_assignment a where (" + move.selection() + ") and a." + marker + " = :movedBy";
        String newLicenses = movedRows
                + (move.skipUsersHoldingTarget()
                        ? " and not exists (select 1 from "
                                + "license_assignment h where h.user_id = a.user_id and h.active_product_id = :product)"
                        : "");
        // Audit rows for the new licenses first: the same rows as the insert below, read before it.
        int audited = bind(
                        jdbc.sql(AUDIT_INSERT + "select :now, :actor, 'LICENSE_ASSIGNED', a.user_id, :product, "
                                + ":target, :text || " + USER_NAME + ", :reason, :pi" + newLicenses),
                        context,
                        move,
                        now)
                .param("text", move.assignedText())
                .update();
        int assigned = bind(
                        jdbc.sql("insert into license_assignment (user_id, subscription_id, product_id, "
                                + "active_product_id, disabled_plans, assigned_at, assigned_by) select a.user_id, :target, :product, "
                                + ":product, " + plansOnTarget(move) + ", :now, :actor" + newLicenses),
                        context,
                        move,
                        now)
                .update();
        if (assigned != audited) {
            throw new IllegalStateException("A move audited " + audited + " new licenses but created " + assigned);
        }
        bind(
                        jdbc.sql(AUDIT_INSERT + "select :now, :actor, 'LICENSE_UNASSIGNED', a.user_id, a.product_id, "
                                + "a.subscription_id, :text || " + USER_NAME + ", :reason, :pi" + movedRows),
                        context,
                        move,
                        now)
                .param("text", move.removedText())
                .update();
        if (tenant.enabled()) {
            tenantChangesOfMove(context, move, now);
        }
        if (removed > 0 && move.fromSubscriptionId() != null) {
            returnSeats(move.fromSubscriptionId(), removed);
        } else if (removed > 0) {
            bind(
                            jdbc.sql("select a.subscription_id, count(*)" + movedRows + " group by a.subscription_id"),
                            context,
                            move,
                            now)
                    .query((rs, n) -> Map.entry(rs.getLong(1), rs.getInt(2)))
                    .list()
                    .forEach(seats -> returnSeats(seats.getKey(), seats.getValue()));
        }
        return new MoveResult(removed, assigned);
    }

    /**
     * Ends a subscription now: every license of it is removed (mailbox data kept until
     * {@link #dataKeptUntil()}), its seats go back, it becomes Deleted with recurring billing off.
     * Returns how many users lost their license.
     *
     * @param takeoverId the takeover that ends it, marked on the removed licenses; null when there is none
     */
    public int endSubscription(ChangeContext context, Subscription subscription, String reason, Long takeoverId) {
        String productName = catalog.require(subscription.productId()).name();
        Instant now = Instant.now(clock);
        LocalDate keptUntil = dataKeptUntil();
        // Audit rows first: the same rows the update below removes, read before it.
        jdbc.sql(AUDIT_INSERT + """
                        select :now, :actor, 'LICENSE_UNASSIGNED', a.user_id, a.product_id, a.subscription_id,
                               :text || """ + USER_NAME + """
                        , :reason, :pi
                        from license_assignment a where a.subscription_id = :id and a.active_product_id is not null""")
                .param("now", Rows.timestamp(now))
                .param("actor", context.actorId())
                .param("reason", context.reason())
                .param("pi", context.processInstanceId())
                .param("id", subscription.id())
                .param(
                        "text",
                        "License removed: " + subscriptionWords.of(subscription) + " cancelled (" + reason
                                + "); mailbox data kept until " + Words.day(keptUntil) + "; user ")
                .update();
        if (tenant.enabled()) {
            jdbc.sql(TENANT_CHANGE_INSERT + """
                            select a.id, a.user_id, a.product_id, 'REMOVE', null, null, :pi, :actor, :now
                            from license_assignment a where a.subscription_id = :id and a.active_product_id is not null""")
                    .param("now", Rows.timestamp(now))
                    .param("actor", context.actorId())
                    .param("pi", context.processInstanceId())
                    .param("id", subscription.id())
                    .update();
            pendingSince(context, now);
        }
        int users = jdbc.sql("""
                        update license_assignment set active_product_id = null, unassigned_at = :now,
                               unassigned_by = :actor, data_retained_until = :keptUntil,
                               removed_by_takeover_id = coalesce(:takeover, removed_by_takeover_id)
                        where subscription_id = :id and active_product_id is not null""")
                .param("now", Rows.timestamp(now))
                .param("actor", context.actorId())
                .param("keptUntil", keptUntil)
                .param("takeover", takeoverId)
                .param("id", subscription.id())
                .update();
        if (users > 0) {
            returnSeats(subscription.id(), users);
        }
        close(
                context,
                subscription,
                productName,
                reason,
                users == 0
                        ? ""
                        : ", " + Words.count(users, "user", "users") + " lost access; their mailbox data is kept until "
                                + Words.day(keptUntil));
        return users;
    }

    /**
     * A subscription's new term: it runs another year from its end date with {@code seats} seats (never
     * fewer than are assigned), paid (a trial bought), recurring billing on.
     */
    public Subscription startNewTerm(ChangeContext context, Subscription subscription, int seats, String details) {
        jdbc.sql("""
                        update subscription set term_start = expires_on, expires_on = ?, trial = false,
                               recurring_billing = true,
                               quantity = case when assigned_seats > ? then assigned_seats else ? end
                        where id = ?""")
                .params(subscription.expiresOn().plusYears(1), seats, seats, subscription.id())
                .update();
        record(
                context,
                AuditAction.SUBSCRIPTION_RENEWED,
                subscription.purchaserId(),
                subscription.productId(),
                subscription.id(),
                details);
        return subscriptions.require(subscription.id());
    }

    /** Recurring billing on or off (A10: off, the subscription ends at the end of its term). */
    public void changeRecurringBilling(ChangeContext context, Subscription subscription, boolean on, String details) {
        if (subscription.recurringBilling() != on) {
            subscriptions.changeRecurringBilling(subscription.id(), on);
            record(
                    context,
                    AuditAction.RECURRING_BILLING_CHANGED,
                    subscription.purchaserId(),
                    subscription.productId(),
                    subscription.id(),
                    details);
        }
    }

    /**
     * A10, cancelled after its cancellation window: recurring billing off and {@code reason} kept; the
     * subscription and its licenses run until the end of its term, when {@link #endSubscription} ends it.
     */
    public void cancelAtTermEnd(ChangeContext context, Subscription subscription, String reason, String details) {
        subscriptions.cancelAtTermEnd(subscription.id(), reason);
        record(
                context,
                AuditAction.RECURRING_BILLING_CHANGED,
                subscription.purchaserId(),
                subscription.productId(),
                subscription.id(),
                details);
    }

    /** Ends a subscription whose users have all been moved away: it becomes Deleted with recurring billing off. */
    public void endEmptySubscription(ChangeContext context, Subscription subscription, String reason) {
        close(context, subscription, catalog.require(subscription.productId()).name(), reason, "");
    }

    private void close(
            ChangeContext context, Subscription subscription, String productName, String reason, String consequence) {
        subscriptions.changeStatus(subscription.id(), SubscriptionStatus.DELETED, reason, Instant.now(clock));
        subscriptions.changeRecurringBilling(subscription.id(), false);
        record(
                context,
                AuditAction.SUBSCRIPTION_STATUS_CHANGED,
                subscription.purchaserId(),
                subscription.productId(),
                subscription.id(),
                Words.capitalized(subscriptionWords.of(subscription)) + " cancelled (" + reason + "), " + "it was "
                        + subscription.status().label() + ", now " + SubscriptionStatus.DELETED.label() + consequence);
    }

    // The tenant's side of a change (with a Microsoft 365 tenant connected): a row of the tenant change outbox in
    // the same transaction as the change, for the tenant module to send to Microsoft Graph.

    /** What the tenant is to do with a license. */
    public enum TenantChange {
        ASSIGN,
        REMOVE,
        PLANS
    }

    private static final String TENANT_CHANGE_INSERT = "insert into tenant_change (license_id, user_id, product_id, "
            + "change, replaces_product_id, previous_plans, process_instance_id, requested_by, requested_at) ";

    /**
     * With a tenant connected, a license Microsoft 365 could not be told of is refused before anything changes: a
     * product, or an app or service switched off, that has no Microsoft id (Graph names both by theirs only).
     */
    private void requireKnownToTenant(String productId, Collection<String> disabledPlans) {
        if (!tenant.enabled()) {
            return;
        }
        Product product = catalog.require(productId);
        if (product.skuId() == null) {
            throw Rule.NOT_IN_MICROSOFT_365.violation("Microsoft 365 does not know " + product.name() + ": it has no "
                    + "Microsoft product id. Import Microsoft's product catalog (Licenses, \"Microsoft's product "
                    + "names\") or let \"Read the tenant\" run, then try again.");
        }
        List<String> unknown = product.servicePlans().stream()
                .filter(p -> disabledPlans.contains(p.id()) && p.guid() == null)
                .map(ServicePlan::name)
                .toList();
        if (!unknown.isEmpty()) {
            throw Rule.NOT_IN_MICROSOFT_365.violation("Microsoft 365 does not know " + String.join(" and ", unknown)
                    + " of " + product.name() + ", so " + (unknown.size() == 1 ? "it" : "they")
                    + " cannot be switched off there. Leave " + (unknown.size() == 1 ? "it" : "them")
                    + " on, or import Microsoft's product catalog (Licenses, \"Microsoft's product names\"), then "
                    + "try again.");
        }
    }

    private void tenantChange(
            ChangeContext context,
            long licenseId,
            String userId,
            String productId,
            TenantChange change,
            String previousPlans) {
        if (tenant.enabled()) {
            jdbc.sql(TENANT_CHANGE_INSERT + "values (?, ?, ?, ?, null, ?, ?, ?, ?)")
                    .params(
                            licenseId,
                            userId,
                            productId,
                            change.name(),
                            previousPlans,
                            context.processInstanceId(),
                            context.actorId(),
                            Rows.timestamp(Instant.now(clock)))
                    .update();
            jdbc.sql("update license_assignment set tenant_state = 'PENDING' where id = ?")
                    .param(licenseId)
                    .update();
        }
    }

    /**
     * A move in the tenant: a user moved to another product gets the new license and loses the old one in one
     * change (Graph's assignLicense adds and removes in one call, so nobody is without a license in between); a
     * user moved within the same product changes nothing in the tenant (a license is of a product there, not of a
     * subscription); an old license with no new one in its place is removed.
     */
    private void tenantChangesOfMove(ChangeContext context, LicenseMove move, Instant now) {
        String removedNow = " from license_assignment a where (" + move.selection() + ") and a." + move.movedBy().column
                + " = :movedBy and a.unassigned_at = :now";
        bind(
                        jdbc.sql(TENANT_CHANGE_INSERT
                                + "select n.id, n.user_id, n.product_id, 'ASSIGN', (select min(a.product_id)"
                                + removedNow + " and a.user_id = n.user_id), null, :pi, :actor, :now "
                                + "from license_assignment n where n.subscription_id = :target and n.active_product_id = :product "
                                + "and n.assigned_at = :now and n.assigned_by = :actor and n.user_id in (select a.user_id"
                                + removedNow
                                + ") and not exists (select 1" + removedNow
                                + " and a.user_id = n.user_id and a.product_id = :product)"),
                        context,
                        move,
                        now)
                .update();
        bind(
                        jdbc.sql(
                                TENANT_CHANGE_INSERT
                                        + "select a.id, a.user_id, a.product_id, 'REMOVE', null, null, :pi, :actor, "
                                        + ":now" + removedNow
                                        + " and a.product_id <> :product and not exists (select 1 from tenant_change c "
                                        + "where c.user_id = a.user_id and c.replaces_product_id = a.product_id and c.requested_at = :now)"),
                        context,
                        move,
                        now)
                .update();
        pendingSince(context, now);
    }

    /** The licenses of the tenant changes just recorded are pending until Graph confirms them. */
    private void pendingSince(ChangeContext context, Instant now) {
        jdbc.sql(
                        "update license_assignment set tenant_state = 'PENDING' where id in (select license_id from tenant_change "
                                + "where state = 'PENDING' and requested_at = ? and requested_by = ?)")
                .params(Rows.timestamp(now), context.actorId())
                .update();
    }

    /** The tenant made a change of the license: it is in the tenant, unless a later change of it is still pending. */
    public void confirmedByTenant(long licenseId) {
        jdbc.sql("update license_assignment set tenant_state = case when exists (select 1 from tenant_change c "
                        + "where c.license_id = license_assignment.id and c.state = 'PENDING') then 'PENDING' else 'APPLIED' end "
                        + "where id = ?")
                .param(licenseId)
                .update();
    }

    // Licenses changed in the tenant itself (the Microsoft 365 admin center, another tool), applied as "changed
    // outside LicenseFlow". Nothing of these goes back to the tenant: it already is so.

    /**
     * A license the tenant has and LicenseFlow did not: held from the tenant's subscription of the product, its
     * seat taken there (false, with nothing changed, when LicenseFlow counts no free seat there).
     */
    public boolean assignedInTenant(
            ChangeContext context,
            String userId,
            long subscriptionId,
            String productId,
            Collection<String> disabledPlans) {
        if (!takeSeats(subscriptionId, 1)) {
            return false;
        }
        jdbc.sql("""
                        insert into license_assignment (user_id, subscription_id, product_id, active_product_id,
                               disabled_plans, assigned_at, assigned_by, tenant_state)
                        values (?, ?, ?, ?, ?, ?, ?, 'APPLIED')""")
                .params(
                        userId,
                        subscriptionId,
                        productId,
                        productId,
                        Rows.planList(disabledPlans),
                        Rows.timestamp(Instant.now(clock)),
                        context.actorId())
                .update();
        record(
                context,
                AuditAction.LICENSE_ASSIGNED,
                userId,
                productId,
                subscriptionId,
                "Changed outside LicenseFlow: " + catalog.require(productId).name() + " assigned in Microsoft 365");
        return true;
    }

    /** A license whose apps and services were switched in the tenant: {@code disabledPlans} off there, so here too. */
    public void plansChangedInTenant(ChangeContext context, long licenseId, Collection<String> disabledPlans) {
        LicenseAssignment license = assignments.require(licenseId);
        jdbc.sql("update license_assignment set disabled_plans = ? where id = ?")
                .params(Rows.planList(disabledPlans), licenseId)
                .update();
        String off = disabledPlans.isEmpty()
                ? "all on"
                : catalog.require(license.productId()).servicePlans().stream()
                                .filter(p -> disabledPlans.contains(p.id()))
                                .map(ServicePlan::name)
                                .collect(Words.and())
                        + " off";
        record(
                context,
                AuditAction.SERVICE_PLANS_CHANGED,
                license.userId(),
                license.productId(),
                license.subscriptionId(),
                "Changed outside LicenseFlow: "
                        + catalog.require(license.productId()).name()
                        + "'s apps and services switched in Microsoft 365 (" + off + ")");
    }

    /** A license LicenseFlow has and the tenant no longer does: removed, its seat back, mailbox data kept as always. */
    public void removedInTenant(ChangeContext context, long licenseId, String how) {
        LicenseAssignment license = assignments.require(licenseId);
        int removed = jdbc.sql("""
                        update license_assignment set active_product_id = null, unassigned_at = ?, unassigned_by = ?,
                               data_retained_until = ?
                        where id = ? and active_product_id is not null""")
                .params(Rows.timestamp(Instant.now(clock)), context.actorId(), dataKeptUntil(), licenseId)
                .update();
        if (removed == 1) {
            returnSeats(license.subscriptionId(), 1);
            record(
                    context,
                    AuditAction.LICENSE_UNASSIGNED,
                    license.userId(),
                    license.productId(),
                    license.subscriptionId(),
                    "Changed outside LicenseFlow: "
                            + catalog.require(license.productId()).name()
                            + " " + how + "; mailbox data kept until " + Words.day(dataKeptUntil()));
        }
    }

    /** A change Microsoft 365 refused, to be undone in LicenseFlow; {@code reason} in words. */
    public record RefusedChange(
            long licenseId, TenantChange change, String replacesProductId, String previousPlans, String reason) {}

    /**
     * Undoes in LicenseFlow a change the tenant refused, so that LicenseFlow says what the tenant has: a license the
     * tenant did not assign is removed (its seat back, no mailbox data to keep: the user never had it) and one it
     * replaced is held again; a license the tenant did not remove is held again; plans go back to what they were.
     * Where a license cannot be held again (its seat was taken meanwhile) the audit row says so. Nothing here is
     * sent to the tenant: the tenant already is as this leaves LicenseFlow.
     */
    public void undoRefused(ChangeContext context, RefusedChange refused) {
        LicenseAssignment license = assignments.require(refused.licenseId());
        jdbc.sql("update license_assignment set tenant_state = ? where id = ?")
                .params(refused.change() == TenantChange.ASSIGN ? "REFUSED" : "APPLIED", license.id())
                .update();
        String product = catalog.require(license.productId()).name();
        switch (refused.change()) {
            case ASSIGN -> {
                int removed = jdbc.sql("update license_assignment set active_product_id = null, unassigned_at = ?, "
                                + "unassigned_by = ? where id = ? and active_product_id is not null")
                        .params(Rows.timestamp(Instant.now(clock)), context.actorId(), license.id())
                        .update();
                if (removed == 1) {
                    returnSeats(license.subscriptionId(), 1);
                    record(
                            context,
                            AuditAction.TENANT_REFUSED_CHANGE,
                            license.userId(),
                            license.productId(),
                            license.subscriptionId(),
                            "License of " + product + " not assigned: " + refused.reason());
                }
                if (refused.replacesProductId() != null) {
                    holdAgain(context, license.userId(), refused.replacesProductId(), refused.reason());
                }
            }
            case REMOVE -> holdAgain(context, license.userId(), license.productId(), refused.reason());
            case PLANS -> {
                jdbc.sql("update license_assignment set disabled_plans = ? where id = ?")
                        .params(refused.previousPlans() == null ? "" : refused.previousPlans(), license.id())
                        .update();
                record(
                        context,
                        AuditAction.TENANT_REFUSED_CHANGE,
                        license.userId(),
                        license.productId(),
                        license.subscriptionId(),
                        "Apps and services of " + product + " back as they were: " + refused.reason());
            }
        }
    }

    /** The user's latest removed license of {@code productId} held again, if its subscription has a free seat. */
    private void holdAgain(ChangeContext context, String userId, String productId, String reason) {
        String product = catalog.require(productId).name();
        LicenseAssignment latest = assignments.historyOf(userId).stream()
                .filter(l -> l.productId().equals(productId))
                .max(Comparator.comparing(
                                (LicenseAssignment l) -> l.unassignedAt() == null ? Instant.MAX : l.unassignedAt())
                        .thenComparingLong(LicenseAssignment::id))
                .orElse(null);
        if (latest == null || latest.isActive()) {
            return;
        }
        if (takeSeats(latest.subscriptionId(), 1)) {
            // Held again, it was not taken away: no move marks it as one of the licenses it removed.
            jdbc.sql("update license_assignment set active_product_id = product_id, unassigned_at = null, "
                            + "unassigned_by = null, data_retained_until = null, tenant_state = 'APPLIED', "
                            + "removed_by_takeover_id = null, removed_by_centralization_id = null where id = ?")
                    .param(latest.id())
                    .update();
            record(
                    context,
                    AuditAction.TENANT_REFUSED_CHANGE,
                    userId,
                    productId,
                    latest.subscriptionId(),
                    "License of " + product + " kept, as Microsoft 365 still has it: " + reason);
        } else {
            record(
                    context,
                    AuditAction.TENANT_REFUSED_CHANGE,
                    userId,
                    productId,
                    latest.subscriptionId(),
                    "Microsoft 365 still has this user's license of " + product + ", but its subscription has no free "
                            + "seat left in LicenseFlow to hold it again: " + reason);
        }
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec statement, ChangeContext context, LicenseMove move, Instant now) {
        statement
                .param("now", Rows.timestamp(now))
                .param("actor", context.actorId())
                .param("reason", context.reason())
                .param("pi", context.processInstanceId())
                .param("movedBy", move.movedById())
                .param("target", move.targetSubscriptionId())
                .param("product", move.targetProductId());
        move.parameters().forEach(statement::param);
        int i = 0;
        for (Map.Entry<String, String> mapping : move.disabledPlansOnTarget().entrySet()) {
            statement.param("from" + i, mapping.getKey()).param("to" + i, mapping.getValue());
            i++;
        }
        return statement;
    }

    /**
     * The switched-off plans of the new license: the old list where it is unchanged, else the old
     * list cut to the plans the target product has, one CASE branch per distinct list.
     */
    private static String plansOnTarget(LicenseMove move) {
        if (move.disabledPlansOnTarget().entrySet().stream()
                .allMatch(e -> e.getKey().equals(e.getValue()))) {
            return "a.disabled_plans";
        }
        StringBuilder sql = new StringBuilder("case a.disabled_plans");
        for (int i = 0; i < move.disabledPlansOnTarget().size(); i++) {
            sql.append(" when :from")
                    .append(i)
                    .append(" then cast(:to")
                    .append(i)
                    .append(" as varchar(2000))");
        }
        return sql.append(" else '' end").toString();
    }
}
