package com.licenseflow.domain.centralization;

import com.licenseflow.domain.Rows;
import com.licenseflow.domain.audit.ChangeContext;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The set-based statements a campaign gives central licenses with. A campaign can find thousands
 * of users, so nothing here loops over users: each statement handles a whole chunk of the users the
 * campaign found (centralization_user ids in (after, upTo]), and the audit rows are written by
 * INSERT ... SELECT into the same audit_log columns {@link com.licenseflow.domain.audit.AuditTrail}
 * writes one at a time. Every statement joins the caller's transaction.
 */
@Repository
public class CentralizationRows {

    /** What one chunk did for its users. */
    public record ChunkResult(int centralized, int alreadyCentral, int noLongerLicensed) {
    }

    /** One chunk of a campaign's users: centralization_user ids in (after, upTo]. */
    public record Chunk(long centralizationId, String productId, long centralSubscriptionId, long after, long upTo) {
    }

    private static final String AUDIT_COLUMNS = "insert into audit_log (occurred_at, actor, action, user_id, product_id, "
            + "subscription_id, details, reason, process_instance_id) ";
    private static final String IN_CHUNK = "u.centralization_id = :campaign and u.id > :after and u.id <= :upTo";
    /** A user holds the product on a central subscription. */
    private static final String HOLDS_CENTRAL = """
            exists (select 1 from license_assignment h join subscription s on s.id = h.subscription_id
                    where h.user_id = u.user_id and h.active_product_id = :product and s.kind = 'CENTRAL')""";
    /** A user still holds the product on one of the campaign's self-service subscriptions. */
    private static final String HOLDS_SELF_SERVICE = """
            exists (select 1 from license_assignment h join centralization_subscription c
                         on c.subscription_id = h.subscription_id and c.centralization_id = :campaign
                    where h.user_id = u.user_id and h.active_product_id = :product)""";
    /** The self-service licenses this chunk gave up (found again by the marker, not by a list of ids). */
    private static final String MOVED_ROWS = """
            from license_assignment a
            where a.removed_by_centralization_id = :campaign
              and a.user_id in (select u.user_id from centralization_user u
                                where u.centralization_id = :campaign and u.id > :after and u.id <= :upTo
                                  and u.outcome = 'CENTRALIZED')
            """;

    private final JdbcClient jdbc;

    public CentralizationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Users found and not handled yet who will need a central seat (they hold no central license). */
    public int countNeedingSeat(long centralizationId, String productId) {
        return jdbc.sql("select count(*) from centralization_user u where u.centralization_id = :campaign "
                        + "and u.outcome is null and not " + HOLDS_CENTRAL)
                .param("campaign", centralizationId).param("product", productId).query(Integer.class).single();
    }

    /** The highest id among the next {@code size} users not handled yet (lowest ids first). */
    public OptionalLong chunkEnd(long centralizationId, long after, int size) {
        Long end = jdbc.sql("""
                        select max(id) from (select id from centralization_user
                                             where centralization_id = :campaign and id > :after
                                             order by id fetch first :size rows only) chunk""")
                .param("campaign", centralizationId).param("after", after).param("size", size)
                .query(Long.class).optional().orElse(null);
        return end == null ? OptionalLong.empty() : OptionalLong.of(end);
    }

    public boolean anyAbove(long centralizationId, long after) {
        return !jdbc.sql("select id from centralization_user where centralization_id = ? and id > ? fetch first 1 rows only")
                .params(centralizationId, after).query(Long.class).list().isEmpty();
    }

    /**
     * Gives the chunk's users their central license. A user who already holds the product centrally
     * is skipped (ALREADY_CENTRAL), one who no longer holds it through the campaign's purchases too
     * (NO_LONGER_LICENSED). For the others the self-service license is given up and the central one
     * created in this order, in the caller's one transaction: the unique key
     * one_active_license_per_product allows one active license per user and product, so the two
     * can never be held at once, and since both happen in one commit nobody is ever seen with none.
     * The central license keeps the services the user had switched off (same product, same plans).
     */
    public ChunkResult assignChunk(ChangeContext context, Chunk chunk, Instant now) {
        int alreadyCentral = bind(jdbc.sql("update centralization_user u set outcome = 'ALREADY_CENTRAL' where "
                + IN_CHUNK + " and u.outcome is null and " + HOLDS_CENTRAL), context, chunk, now).update();
        int centralized = bind(jdbc.sql("update centralization_user u set outcome = 'CENTRALIZED' where "
                + IN_CHUNK + " and u.outcome is null and " + HOLDS_SELF_SERVICE), context, chunk, now).update();
        int noLonger = bind(jdbc.sql("update centralization_user u set outcome = 'NO_LONGER_LICENSED' where "
                + IN_CHUNK + " and u.outcome is null"), context, chunk, now).update();
        if (centralized == 0) {
            return new ChunkResult(0, alreadyCentral, noLonger);
        }
        int givenUp = bind(jdbc.sql("""
                        update license_assignment set active_product_id = null, unassigned_at = :now,
                               unassigned_by = :actor, removed_by_centralization_id = :campaign
                        where active_product_id = :product
                          and subscription_id in (select c.subscription_id from centralization_subscription c
                                                  where c.centralization_id = :campaign)
                          and user_id in (select u.user_id from centralization_user u
                                          where u.centralization_id = :campaign and u.id > :after and u.id <= :upTo
                                            and u.outcome = 'CENTRALIZED')"""), context, chunk, now).update();
        int assigned = bind(jdbc.sql("""
                        insert into license_assignment (user_id, subscription_id, product_id, active_product_id,
                               disabled_plans, assigned_at, assigned_by)
                        select a.user_id, :central, :product, :product, a.disabled_plans, :now, :actor
                        """ + MOVED_ROWS), context, chunk, now).update();
        if (givenUp != centralized || assigned != centralized) {
            throw new IllegalStateException("Chunk of centralization " + chunk.centralizationId() + " found "
                    + centralized + " users to centralize but gave up " + givenUp + " and created " + assigned
                    + " licenses");
        }
        bind(jdbc.sql(AUDIT_COLUMNS + """
                        select :now, :actor, 'LICENSE_ASSIGNED', a.user_id, :product, :central, :assignedText || a.user_id,
                               :reason, :pi
                        """ + MOVED_ROWS), context, chunk, now)
                .param("assignedText", "Central license of subscription " + chunk.centralSubscriptionId()
                        + " given (centralization " + chunk.centralizationId() + ", switched-off services kept) to user ")
                .update();
        bind(jdbc.sql(AUDIT_COLUMNS + """
                        select :now, :actor, 'LICENSE_UNASSIGNED', a.user_id, a.product_id, a.subscription_id,
                               :unassignedText || a.user_id, :reason, :pi
                        """ + MOVED_ROWS), context, chunk, now)
                .param("unassignedText", "Self-service license given up for the central license of subscription "
                        + chunk.centralSubscriptionId() + " (centralization " + chunk.centralizationId()
                        + "; the user keeps access); user ")
                .update();
        // The purchasers' subscriptions get their seats back: free until they are cancelled.
        bind(jdbc.sql("""
                        update subscription set assigned_seats = assigned_seats
                               - (select count(*) from license_assignment a
                                  where a.subscription_id = subscription.id and a.removed_by_centralization_id = :campaign
                                    and a.user_id in (select u.user_id from centralization_user u
                                                      where u.centralization_id = :campaign and u.id > :after
                                                        and u.id <= :upTo and u.outcome = 'CENTRALIZED'))
                        where id in (select distinct a.subscription_id
                        """ + MOVED_ROWS + ")"), context, chunk, now)
                .update();
        return new ChunkResult(centralized, alreadyCentral, noLonger);
    }

    /** How many of the campaign's users ended each way (users not handled yet are not counted). */
    public Map<UserOutcome, Integer> userCounts(long centralizationId) {
        Map<UserOutcome, Integer> counts = new EnumMap<>(UserOutcome.class);
        for (UserOutcome outcome : UserOutcome.values()) {
            counts.put(outcome, 0);
        }
        jdbc.sql("select outcome, count(*) from centralization_user where centralization_id = ? and outcome is not null "
                        + "group by outcome")
                .param(centralizationId)
                .query(rs -> {
                    counts.put(UserOutcome.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

    public int countFound(long centralizationId) {
        return jdbc.sql("select count(*) from centralization_user where centralization_id = ?")
                .param(centralizationId).query(Integer.class).single();
    }

    /** Names of the first few users the campaign gave a central license (of one subscription, or all), by name. */
    public List<String> centralizedUsers(long centralizationId, Long subscriptionId, int limit) {
        return jdbc.sql("""
                        select d.display_name from centralization_user u join directory_user d on d.id = u.user_id
                        where u.centralization_id = :campaign and u.outcome = 'CENTRALIZED'
                          and (cast(:subscription as bigint) is null or u.subscription_id = :subscription)
                        order by d.display_name fetch first :limit rows only""")
                .param("campaign", centralizationId).param("subscription", subscriptionId).param("limit", limit)
                .query(String.class).list();
    }

    public int countCentralized(long centralizationId, long subscriptionId) {
        return jdbc.sql("select count(*) from centralization_user where centralization_id = ? and subscription_id = ? "
                        + "and outcome = 'CENTRALIZED'")
                .params(centralizationId, subscriptionId).query(Integer.class).single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, ChangeContext context, Chunk chunk,
                                                 Instant now) {
        return statement.param("now", Rows.timestamp(now)).param("actor", context.actorId())
                .param("reason", context.reason()).param("pi", context.processInstanceId())
                .param("campaign", chunk.centralizationId()).param("product", chunk.productId())
                .param("central", chunk.centralSubscriptionId())
                .param("after", chunk.after()).param("upTo", chunk.upTo());
    }
}
