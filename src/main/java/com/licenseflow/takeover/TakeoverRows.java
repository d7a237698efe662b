package com.licenseflow.takeover;

import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a takeover reads about the licenses of a subscription, set-based (a subscription can hold
 * thousands of users). The licenses themselves change only through
 * {@link com.licenseflow.inventory.LicenseLedger}.
 */
@Repository
class TakeoverRows {

    private final JdbcClient jdbc;

    public TakeoverRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int countActive(long subscriptionId) {
        return jdbc.sql(
                        "select count(*) from license_assignment where subscription_id = ? and active_product_id is not null")
                .param(subscriptionId)
                .query(Integer.class)
                .single();
    }

    /** The active licenses of the subscription held by {@code userIds}. */
    public List<Long> activeLicenses(long subscriptionId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        "select id from license_assignment where subscription_id = :id and active_product_id is not null "
                                + "and user_id in (:users) order by id")
                .param("id", subscriptionId)
                .param("users", userIds)
                .query(Long.class)
                .list();
    }

    public boolean anyActive(long subscriptionId) {
        return !jdbc.sql(
                        "select id from license_assignment where subscription_id = ? and active_product_id is not null "
                                + "fetch first 1 rows only")
                .param(subscriptionId)
                .query(Long.class)
                .list()
                .isEmpty();
    }

    /**
     * Users of the subscription who need a new seat of {@code targetProductId}: all of them, except
     * (when the target is another product) those who already hold that product elsewhere.
     */
    public int countNeedingSeat(long subscriptionId, String targetProductId) {
        return jdbc.sql("""
                        select count(*) from license_assignment a
                        where a.subscription_id = :source and a.active_product_id is not null
                          and not exists (select 1 from license_assignment h
                                          where h.user_id = a.user_id and h.active_product_id = :product and h.id <> a.id)""")
                .param("source", subscriptionId)
                .param("product", targetProductId)
                .query(Integer.class)
                .single();
    }

    /** Users (a first few, by name) holding a license of the subscription, for forms and messages. */
    public List<String> sampleOfUsers(long subscriptionId, int limit) {
        return jdbc.sql("""
                        select u.display_name, u.email from license_assignment a join directory_user u on u.id = a.user_id
                        where a.subscription_id = :id and a.active_product_id is not null
                        order by u.display_name fetch first :limit rows only""")
                .param("id", subscriptionId)
                .param("limit", limit)
                .query((rs, n) -> rs.getString(1) + " <" + rs.getString(2) + ">")
                .list();
    }

    /** How many licenses the takeover removed (moved away or cancelled). */
    public int countRemovedBy(long takeoverId) {
        return jdbc.sql("select count(*) from license_assignment where removed_by_takeover_id = ?")
                .param(takeoverId)
                .query(Integer.class)
                .single();
    }

    /** Names of the first few users whose license the takeover removed, by name. */
    public List<String> removedBy(long takeoverId, int limit) {
        return jdbc.sql("""
                        select u.display_name from license_assignment a join directory_user u on u.id = a.user_id
                        where a.removed_by_takeover_id = :id order by u.display_name fetch first :limit rows only""")
                .param("id", takeoverId)
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /**
     * The highest id among the next {@code size} active licenses of the subscription above {@code after} (lowest ids
     * first). Below it, an active license is one held again after Microsoft 365 refused its move: not for a chunk.
     */
    public OptionalLong chunkEnd(long subscriptionId, long after, int size) {
        Long end = jdbc.sql("""
                        select max(id) from (select id from license_assignment
                                             where subscription_id = :id and active_product_id is not null
                                               and id > :after
                                             order by id fetch first :size rows only) chunk""")
                .param("id", subscriptionId)
                .param("after", after)
                .param("size", size)
                .query(Long.class)
                .optional()
                .orElse(null);
        return end == null ? OptionalLong.empty() : OptionalLong.of(end);
    }

    /** The distinct switched-off plan lists among the active licenses of the subscription up to {@code upTo}. */
    public List<String> disabledPlanLists(long subscriptionId, long upTo) {
        return jdbc.sql("select distinct disabled_plans from license_assignment "
                        + "where subscription_id = ? and active_product_id is not null and id <= ?")
                .params(subscriptionId, upTo)
                .query(String.class)
                .list();
    }
}
