package com.licenseflow.centralization;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The set-based statements of a campaign's users (a campaign can find thousands of users, so
 * nothing here loops over users): each handles a whole chunk, centralization_user ids in
 * (after, upTo]. Licenses change only through {@link com.licenseflow.inventory.LicenseLedger}.
 */
@Repository
class CentralizationRows {

    /** What one chunk did for its users. */
    public record ChunkResult(int centralized, int alreadyCentral, int noLongerLicensed) {}

    /** One chunk of a campaign's users: centralization_user ids in (after, upTo]. */
    public record Chunk(long centralizationId, String productId, long centralSubscriptionId, long after, long upTo) {}

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
    /**
     * The self-service licenses of the product that a chunk's CENTRALIZED users hold (or gave up) on the
     * campaign's subscriptions: the ledger removes them and gives each user the central license.
     */
    public static final String GIVEN_UP = """
            a.product_id = :campaignProduct
              and a.subscription_id in (select c.subscription_id from centralization_subscription c
                                        where c.centralization_id = :campaign)
              and a.user_id in (select u.user_id from centralization_user u
                                where u.centralization_id = :campaign and u.id > :after and u.id <= :upTo
                                  and u.outcome = 'CENTRALIZED')""";

    private final JdbcClient jdbc;

    public CentralizationRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Users found and not handled yet who will need a central seat (they hold no central license). */
    public int countNeedingSeat(long centralizationId, String productId) {
        return jdbc.sql("select count(*) from centralization_user u where u.centralization_id = :campaign "
                        + "and u.outcome is null and not " + HOLDS_CENTRAL)
                .param("campaign", centralizationId)
                .param("product", productId)
                .query(Integer.class)
                .single();
    }

    /** The highest id among the next {@code size} users not handled yet (lowest ids first). */
    public OptionalLong chunkEnd(long centralizationId, long after, int size) {
        Long end = jdbc.sql("""
                        select max(id) from (select id from centralization_user
                                             where centralization_id = :campaign and id > :after
                                             order by id fetch first :size rows only) chunk""")
                .param("campaign", centralizationId)
                .param("after", after)
                .param("size", size)
                .query(Long.class)
                .optional()
                .orElse(null);
        return end == null ? OptionalLong.empty() : OptionalLong.of(end);
    }

    public boolean anyAbove(long centralizationId, long after) {
        return !jdbc.sql(
                        "select id from centralization_user where centralization_id = ? and id > ? fetch first 1 rows only")
                .params(centralizationId, after)
                .query(Long.class)
                .list()
                .isEmpty();
    }

    /**
     * Decides what happens to each of the chunk's users: one who already holds the product centrally
     * is skipped (ALREADY_CENTRAL), one who no longer holds it through the campaign's purchases too
     * (NO_LONGER_LICENSED); the others are CENTRALIZED, and {@link #GIVEN_UP} names their
     * self-service licenses for the ledger to move.
     */
    public ChunkResult decideOutcomes(Chunk chunk) {
        int alreadyCentral = bind(
                        jdbc.sql("update centralization_user u set outcome = 'ALREADY_CENTRAL' where " + IN_CHUNK
                                + " and u.outcome is null and " + HOLDS_CENTRAL),
                        chunk)
                .update();
        int centralized = bind(
                        jdbc.sql("update centralization_user u set outcome = 'CENTRALIZED' where " + IN_CHUNK
                                + " and u.outcome is null and " + HOLDS_SELF_SERVICE),
                        chunk)
                .update();
        int noLonger = bind(
                        jdbc.sql("update centralization_user u set outcome = 'NO_LONGER_LICENSED' where " + IN_CHUNK
                                + " and u.outcome is null"),
                        chunk)
                .update();
        return new ChunkResult(centralized, alreadyCentral, noLonger);
    }

    /** The parameters of {@link #GIVEN_UP} for a chunk. */
    public static Map<String, Object> givenUpParameters(Chunk chunk) {
        return Map.of(
                "campaign",
                chunk.centralizationId(),
                "campaignProduct",
                chunk.productId(),
                "after",
                chunk.after(),
                "upTo",
                chunk.upTo());
    }

    /** How many of the campaign's users ended each way (users not handled yet are not counted). */
    public Map<UserOutcome, Integer> userCounts(long centralizationId) {
        Map<UserOutcome, Integer> counts = new EnumMap<>(UserOutcome.class);
        for (UserOutcome outcome : UserOutcome.values()) {
            counts.put(outcome, 0);
        }
        jdbc.sql(
                        "select outcome, count(*) from centralization_user where centralization_id = ? and outcome is not null "
                                + "group by outcome")
                .param(centralizationId)
                .query(rs -> {
                    counts.put(UserOutcome.valueOf(rs.getString(1)), rs.getInt(2));
                });
        return counts;
    }

    public int countFound(long centralizationId) {
        return jdbc.sql("select count(*) from centralization_user where centralization_id = ?")
                .param(centralizationId)
                .query(Integer.class)
                .single();
    }

    /** Names of the first few users the campaign gave a central license (of one subscription, or all), by name. */
    public List<String> centralizedUsers(long centralizationId, Long subscriptionId, int limit) {
        return jdbc.sql("""
                        select d.display_name from centralization_user u join directory_user d on d.id = u.user_id
                        where u.centralization_id = :campaign and u.outcome = 'CENTRALIZED'
                          and (cast(:subscription as bigint) is null or u.subscription_id = :subscription)
                        order by d.display_name fetch first :limit rows only""")
                .param("campaign", centralizationId)
                .param("subscription", subscriptionId)
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    public int countCentralized(long centralizationId, long subscriptionId) {
        return jdbc.sql("select count(*) from centralization_user where centralization_id = ? and subscription_id = ? "
                        + "and outcome = 'CENTRALIZED'")
                .params(centralizationId, subscriptionId)
                .query(Integer.class)
                .single();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Chunk chunk) {
        return statement
                .param("campaign", chunk.centralizationId())
                .param("product", chunk.productId())
                .param("after", chunk.after())
                .param("upTo", chunk.upTo());
    }
}
