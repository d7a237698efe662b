package com.licenseflow.inventory.subscription;

import com.licenseflow.shared.Page;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.PagedQuery;
import com.licenseflow.shared.Rows;
import com.licenseflow.shared.Rule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class SubscriptionRepository {

    private final JdbcClient jdbc;

    public SubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Subscription> find(long id) {
        return jdbc.sql("select * from subscription where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    public Subscription require(long id) {
        return find(id).orElseThrow(() -> Rule.UNKNOWN_SUBSCRIPTION.violation("There is no subscription " + id + "."));
    }

    /** Filter values left null are not filtered on. */
    public List<Subscription> list(SubscriptionKind kind, String productId) {
        return jdbc.sql("""
                        select * from subscription
                        where (cast(:kind as varchar(20)) is null or kind = :kind)
                          and (cast(:productId as varchar(64)) is null or product_id = :productId)
                        order by product_id, id""")
                .param("kind", kind == null ? null : kind.name())
                .param("productId", productId)
                .query(this::map)
                .list();
    }

    /** A page of {@link #list}, in the same order. */
    public Page<Subscription> page(SubscriptionKind kind, String productId, PageRequest page) {
        String where = """
                where (cast(:kind as varchar(20)) is null or kind = :kind)
                  and (cast(:productId as varchar(64)) is null or product_id = :productId)""";
        Map<String, Object> params = new HashMap<>();
        params.put("kind", kind == null ? null : kind.name());
        params.put("productId", productId);
        return PagedQuery.page(jdbc, "*", "from subscription " + where, "product_id, id", params, page, this::map);
    }

    public record SeatTotals(int quantity, int assigned) {}

    private static final String LIVE_SELF_SERVICE =
            "from subscription where kind = 'SELF_SERVICE' and status <> 'DELETED' and product_id = :product";

    /** Seats bought and assigned over a product's live self-service subscriptions. */
    public SeatTotals liveSelfServiceTotals(String productId) {
        return jdbc.sql("select coalesce(sum(quantity), 0), coalesce(sum(assigned_seats), 0) " + LIVE_SELF_SERVICE)
                .param("product", productId)
                .query((rs, n) -> new SeatTotals(rs.getInt(1), rs.getInt(2)))
                .single();
    }

    /** A page of the people who bought a product self-service, first purchase first. */
    public Page<String> liveSelfServicePurchasers(String productId, PageRequest page) {
        long total = jdbc.sql("select count(distinct purchaser_id) " + LIVE_SELF_SERVICE)
                .param("product", productId)
                .query(Long.class)
                .single();
        List<String> ids = jdbc.sql("select purchaser_id " + LIVE_SELF_SERVICE
                        + " group by purchaser_id order by min(id) offset :offset rows fetch next :size rows only")
                .param("product", productId)
                .param("offset", page.offset())
                .param("size", page.size())
                .query(String.class)
                .list();
        return Page.of(ids, page, total);
    }

    /** The live self-service subscriptions of a product that these people bought, in purchase order. */
    public List<Subscription> liveSelfService(String productId, List<String> purchaserIds) {
        return purchaserIds.isEmpty()
                ? List.of()
                : jdbc.sql("select * " + LIVE_SELF_SERVICE + " and purchaser_id in (:purchasers) order by id")
                        .param("product", productId)
                        .param("purchasers", purchaserIds)
                        .query(this::map)
                        .list();
    }

    /** The distinct products with subscriptions of this kind. */
    public List<String> productsWith(SubscriptionKind kind) {
        return jdbc.sql(
                        "select distinct product_id from subscription where kind = ? and status <> 'DELETED' order by product_id")
                .param(kind.name())
                .query(String.class)
                .list();
    }

    /** The self-service subscriptions {@code purchaserId} bought that are not cancelled, oldest first. */
    public List<Subscription> boughtBy(String purchaserId) {
        return jdbc.sql(
                        "select * from subscription where kind = 'SELF_SERVICE' and purchaser_id = ? and status <> 'DELETED' "
                                + "order by id")
                .params(purchaserId)
                .query(this::map)
                .list();
    }

    /**
     * Self-service subscriptions cancelled after their cancellation window (recurring billing off, A10) whose
     * term is over by {@code today}: LicenseFlow's own, not a connected tenant's (the tenant ends those itself).
     */
    public List<Subscription> selfServiceTermsOver(LocalDate today) {
        return jdbc.sql("""
                        select * from subscription
                        where kind = 'SELF_SERVICE' and status <> 'DELETED' and recurring_billing = false
                          and expires_on <= ? and tenant_sku_id is null
                        order by id""").params(today).query(this::map).list();
    }

    /** Subscriptions of a product that can hand out licenses now, oldest first. */
    public List<Subscription> usable(String productId, SubscriptionKind kind) {
        return jdbc.sql(
                        "select * from subscription where product_id = ? and kind = ? and status in ('ACTIVE', 'EXPIRED') "
                                + "order by id")
                .params(productId, kind.name())
                .query(this::map)
                .list();
    }

    public long insert(Subscription s) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into subscription (product_id, kind, purchaser_id, quantity, assigned_seats, status, trial,
                               term_start, expires_on, price_per_seat, recurring_billing, cancellation_window_days)
                        values (?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        s.productId(),
                        s.kind().name(),
                        s.purchaserId(),
                        s.quantity(),
                        s.status().name(),
                        s.trial(),
                        s.termStart(),
                        s.expiresOn(),
                        s.pricePerSeat(),
                        s.recurringBilling(),
                        s.cancellationWindowDays())
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public void changeStatus(long id, SubscriptionStatus status, String reason, Instant at) {
        jdbc.sql("update subscription set status = ?, cancellation_reason = coalesce(?, cancellation_reason), "
                        + "status_changed_at = ? where id = ?")
                .params(status.name(), reason, Rows.timestamp(at), id)
                .update();
    }

    /** A10 after the window: recurring billing off, the reason kept for the day the term ends. */
    public void cancelAtTermEnd(long id, String reason) {
        jdbc.sql("update subscription set recurring_billing = false, cancellation_reason = ? where id = ?")
                .params(reason, id)
                .update();
    }

    public void changeRecurringBilling(long id, boolean on) {
        jdbc.sql("update subscription set recurring_billing = ? where id = ?")
                .params(on, id)
                .update();
    }

    private Subscription map(ResultSet rs, int row) throws SQLException {
        return new Subscription(
                rs.getLong("id"),
                rs.getString("product_id"),
                SubscriptionKind.valueOf(rs.getString("kind")),
                rs.getString("purchaser_id"),
                rs.getInt("quantity"),
                rs.getInt("assigned_seats"),
                SubscriptionStatus.valueOf(rs.getString("status")),
                rs.getBoolean("trial"),
                Rows.date(rs, "term_start"),
                Rows.date(rs, "expires_on"),
                rs.getBigDecimal("price_per_seat"),
                rs.getBoolean("recurring_billing"),
                rs.getInt("cancellation_window_days"),
                rs.getString("cancellation_reason"));
    }
}
