package com.licenseflow.centralization;

import com.licenseflow.inventory.subscription.SubscriptionStatus;
import com.licenseflow.shared.Rows;
import com.licenseflow.shared.Rule;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class CentralizationRepository {

    private final JdbcClient jdbc;

    public CentralizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a running campaign. The unique key one_running_centralization_per_product refuses a
     * second running one for the same product (DuplicateKeyException), whoever inserts it.
     */
    public long insertRunning(String productId, String processInstanceId, String startedBy, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into centralization (product_id, running_product_id, process_instance_id, started_by,
                               started_at, status)
                        values (?, ?, ?, ?, ?, 'PLANNING')""")
                .params(productId, productId, processInstanceId, startedBy, Rows.timestamp(at))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public Optional<Centralization> find(long id) {
        return jdbc.sql("select * from centralization where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    public Centralization require(long id) {
        return find(id).orElseThrow(
                        () -> Rule.UNKNOWN_CENTRALIZATION.violation("There is no centralization " + id + "."));
    }

    /** The campaigns of a product (of all products when null), newest first. */
    public List<Centralization> list(String productId) {
        return jdbc.sql("""
                        select * from centralization where (cast(:productId as varchar(64)) is null or product_id = :productId)
                        order by id desc""").param("productId", productId).query(this::map).list();
    }

    public Optional<Centralization> ofProcessInstance(String processInstanceId) {
        return jdbc.sql("select * from centralization where process_instance_id = ?")
                .param(processInstanceId)
                .query(this::map)
                .optional();
    }

    public Optional<Centralization> running(String productId) {
        return jdbc.sql("select * from centralization where running_product_id = ?")
                .param(productId)
                .query(this::map)
                .optional();
    }

    public void changeStatus(long id, CentralizationStatus status) {
        jdbc.sql("update centralization set status = ? where id = ?")
                .params(status.name(), id)
                .update();
    }

    public void startAssigning(long id, long centralSubscriptionId, int seatsReserved, int seatsBought) {
        jdbc.sql("""
                        update centralization set status = 'ASSIGNING', central_subscription_id = ?,
                               seats_reserved = seats_reserved + ?, seats_bought = seats_bought + ?
                        where id = ?""")
                .params(centralSubscriptionId, seatsReserved, seatsBought, id)
                .update();
    }

    /** Records one finished chunk: {@code seatsUsed} new licenses, {@code extraSeats} taken beyond the reservation. */
    public void chunkAssigned(long id, int seatsUsed, int extraSeats, long upToId) {
        jdbc.sql("""
                        update centralization set seats_used = seats_used + ?, seats_reserved = seats_reserved + ?,
                               assigned_up_to_id = ?
                        where id = ?""").params(seatsUsed, extraSeats, upToId, id).update();
    }

    /** The reservation is settled: what was not used has been given back. */
    public void settleSeats(long id) {
        jdbc.sql("update centralization set seats_reserved = seats_used where id = ?")
                .param(id)
                .update();
    }

    /** Ends the campaign and with it the lock on the product. */
    public void finish(long id, CentralizationStatus status, String by, Instant at) {
        jdbc.sql("""
                        update centralization set status = ?, running_product_id = null, finished_by = ?, finished_at = ?
                        where id = ? and running_product_id is not null""").params(status.name(), by, Rows.timestamp(at), id).update();
    }

    // ---- the campaign's subscriptions ----------------------------------------------------------

    /**
     * Adds the product's live self-service subscriptions the campaign does not have yet, with the
     * users they license now and their yearly cost, and those users. Returns how many subscriptions.
     */
    public int gather(long id, String productId) {
        int subscriptions =
                jdbc.sql("""
                        insert into centralization_subscription (centralization_id, subscription_id, purchaser_id,
                               users_found, yearly_cost)
                        select :id, s.id, s.purchaser_id,
                               (select count(*) from license_assignment a
                                where a.subscription_id = s.id and a.active_product_id is not null),
                               s.price_per_seat * 12 * s.quantity
                        from subscription s
                        where s.product_id = :product and s.kind = 'SELF_SERVICE' and s.status <> 'DELETED'
                          and not exists (select 1 from centralization_subscription c
                                          where c.centralization_id = :id and c.subscription_id = s.id)""").param("id", id).param("product", productId).update();
        jdbc.sql("""
                        insert into centralization_user (centralization_id, user_id, subscription_id)
                        select :id, a.user_id, a.subscription_id
                        from license_assignment a join centralization_subscription c
                             on c.subscription_id = a.subscription_id and c.centralization_id = :id
                        where a.active_product_id is not null and c.asked_at is null
                          and not exists (select 1 from centralization_user u
                                          where u.centralization_id = :id and u.user_id = a.user_id)
                        order by a.id""").param("id", id).update();
        return subscriptions;
    }

    /** The subscriptions whose purchaser has not been asked yet: one branch each. */
    public List<Long> notAsked(long id) {
        return jdbc.sql("select subscription_id from centralization_subscription where centralization_id = ? "
                        + "and asked_at is null order by subscription_id")
                .param(id)
                .query(Long.class)
                .list();
    }

    public List<CampaignSubscription> subscriptions(long id) {
        return jdbc.sql(SUBSCRIPTIONS + " where c.centralization_id = ? order by c.subscription_id")
                .param(id)
                .query(this::mapSubscription)
                .list();
    }

    public CampaignSubscription subscription(long id, long subscriptionId) {
        return jdbc.sql(SUBSCRIPTIONS + " where c.centralization_id = ? and c.subscription_id = ?")
                .params(id, subscriptionId)
                .query(this::mapSubscription)
                .optional()
                .orElseThrow(() -> Rule.UNKNOWN_SUBSCRIPTION.violation(
                        "Subscription " + subscriptionId + " is not part of centralization " + id + "."));
    }

    /** The running campaign that waits for the subscription to be cancelled, if any. */
    public Optional<Long> runningCampaignOf(long subscriptionId) {
        return jdbc.sql("""
                        select c.centralization_id from centralization_subscription c
                        join centralization z on z.id = c.centralization_id
                        where c.subscription_id = ? and z.running_product_id is not null and c.finished_at is null""").param(subscriptionId).query(Long.class).optional();
    }

    public void asked(long id, long subscriptionId, Instant at, Instant deadline) {
        jdbc.sql("update centralization_subscription set asked_at = ?, deadline = ? where centralization_id = ? "
                        + "and subscription_id = ?")
                .params(Rows.timestamp(at), Rows.timestamp(deadline), id, subscriptionId)
                .update();
    }

    public void deadline(long id, long subscriptionId, Instant deadline) {
        jdbc.sql(
                        "update centralization_subscription set deadline = ? where centralization_id = ? and subscription_id = ?")
                .params(Rows.timestamp(deadline), id, subscriptionId)
                .update();
    }

    public void reminded(long id, long subscriptionId) {
        jdbc.sql("update centralization_subscription set reminders = reminders + 1 where centralization_id = ? "
                        + "and subscription_id = ?")
                .params(id, subscriptionId)
                .update();
    }

    /** Records how the subscription ended, once: a later call keeps the first outcome. */
    public void outcome(long id, long subscriptionId, SubscriptionOutcome outcome) {
        jdbc.sql(
                        "update centralization_subscription set outcome = ? where centralization_id = ? and subscription_id = ? "
                                + "and outcome is null")
                .params(outcome.name(), id, subscriptionId)
                .update();
    }

    public void subscriptionFinished(long id, long subscriptionId, Instant at) {
        jdbc.sql("update centralization_subscription set finished_at = ? where centralization_id = ? "
                        + "and subscription_id = ?")
                .params(Rows.timestamp(at), id, subscriptionId)
                .update();
    }

    private static final String SUBSCRIPTIONS = """
            select c.*, s.status as subscription_status, s.recurring_billing from centralization_subscription c
            join subscription s on s.id = c.subscription_id""";

    private Centralization map(ResultSet rs, int row) throws SQLException {
        return new Centralization(
                rs.getLong("id"),
                rs.getString("product_id"),
                rs.getString("process_instance_id"),
                rs.getString("started_by"),
                Rows.instant(rs, "started_at"),
                CentralizationStatus.valueOf(rs.getString("status")),
                Rows.nullableLong(rs, "central_subscription_id"),
                rs.getInt("seats_reserved"),
                rs.getInt("seats_used"),
                rs.getInt("seats_bought"),
                rs.getLong("assigned_up_to_id"),
                rs.getString("finished_by"),
                Rows.instant(rs, "finished_at"));
    }

    private CampaignSubscription mapSubscription(ResultSet rs, int row) throws SQLException {
        String outcome = rs.getString("outcome");
        BigDecimal cost = rs.getBigDecimal("yearly_cost");
        return new CampaignSubscription(
                rs.getLong("subscription_id"),
                rs.getString("purchaser_id"),
                rs.getInt("users_found"),
                cost,
                Rows.instant(rs, "asked_at"),
                Rows.instant(rs, "deadline"),
                rs.getInt("reminders"),
                outcome == null ? null : SubscriptionOutcome.valueOf(outcome),
                Rows.instant(rs, "finished_at"),
                SubscriptionStatus.valueOf(rs.getString("subscription_status")),
                rs.getBoolean("recurring_billing"));
    }
}
