package com.licenseflow.domain.takeover;

import com.licenseflow.domain.Rows;
import com.licenseflow.domain.audit.ChangeContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The set-based statements a takeover changes licenses with. A subscription can hold thousands of
 * users, so nothing here loops over users: each statement handles a whole chunk (or the whole
 * subscription), and the audit rows are written by INSERT ... SELECT into the same audit_log
 * columns {@link com.licenseflow.domain.audit.AuditTrail} writes one at a time. Every statement
 * joins the caller's transaction.
 */
@Repository
public class TakeoverRows {

    /** What one chunk did: licenses removed from the old subscription, and new ones created on the target. */
    public record ChunkResult(int unassigned, int assigned) {
    }

    /** One chunk of a move: the source's active licenses with ids in (after, upTo]. */
    public record Chunk(long takeoverId, long sourceSubscriptionId, long targetSubscriptionId, String targetProductId,
                        long after, long upTo, Map<String, String> disabledPlansOnTarget) {
    }

    private static final String AUDIT_COLUMNS = "insert into audit_log (occurred_at, actor, action, user_id, product_id, "
            + "subscription_id, details, reason, process_instance_id) ";

    private final JdbcClient jdbc;

    public TakeoverRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int countActive(long subscriptionId) {
        return jdbc.sql("select count(*) from license_assignment where subscription_id = ? and active_product_id is not null")
                .param(subscriptionId).query(Integer.class).single();
    }

    public boolean anyActive(long subscriptionId) {
        return !jdbc.sql("select id from license_assignment where subscription_id = ? and active_product_id is not null "
                        + "fetch first 1 rows only")
                .param(subscriptionId).query(Long.class).list().isEmpty();
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
                .param("source", subscriptionId).param("product", targetProductId)
                .query(Integer.class).single();
    }

    /** Users (a first few, by name) holding a license of the subscription, for forms and messages. */
    public List<String> sampleOfUsers(long subscriptionId, int limit) {
        return jdbc.sql("""
                        select u.display_name, u.email from license_assignment a join directory_user u on u.id = a.user_id
                        where a.subscription_id = :id and a.active_product_id is not null
                        order by u.display_name fetch first :limit rows only""")
                .param("id", subscriptionId).param("limit", limit)
                .query((rs, n) -> rs.getString(1) + " <" + rs.getString(2) + ">").list();
    }

    /** How many licenses the takeover removed (moved away or cancelled). */
    public int countRemovedBy(long takeoverId) {
        return jdbc.sql("select count(*) from license_assignment where removed_by_takeover_id = ?")
                .param(takeoverId).query(Integer.class).single();
    }

    /** Names of the first few users whose license the takeover removed, by name. */
    public List<String> removedBy(long takeoverId, int limit) {
        return jdbc.sql("""
                        select u.display_name from license_assignment a join directory_user u on u.id = a.user_id
                        where a.removed_by_takeover_id = :id order by u.display_name fetch first :limit rows only""")
                .param("id", takeoverId).param("limit", limit).query(String.class).list();
    }

    /** The highest id among the next {@code size} active licenses of the subscription (lowest ids first). */
    public OptionalLong chunkEnd(long subscriptionId, int size) {
        Long end = jdbc.sql("""
                        select max(id) from (select id from license_assignment
                                             where subscription_id = :id and active_product_id is not null
                                             order by id fetch first :size rows only) chunk""")
                .param("id", subscriptionId).param("size", size)
                .query(Long.class).optional().orElse(null);
        return end == null ? OptionalLong.empty() : OptionalLong.of(end);
    }

    /** The distinct switched-off plan lists among the active licenses of the subscription up to {@code upTo}. */
    public List<String> disabledPlanLists(long subscriptionId, long upTo) {
        return jdbc.sql("select distinct disabled_plans from license_assignment "
                        + "where subscription_id = ? and active_product_id is not null and id <= ?")
                .params(subscriptionId, upTo).query(String.class).list();
    }

    /**
     * Moves one chunk: unassigns the old licenses first and then creates the new ones, in this order
     * and in the caller's one transaction, so that with source and target of the same product the
     * unique key one_active_license_per_product is never violated and no user is ever seen with
     * two licenses or none. A user who already holds the target product keeps that license and
     * gets no second one.
     */
    public ChunkResult moveChunk(ChangeContext context, Chunk chunk, Instant now, LocalDate dataKeptUntil,
                                 String sourceProductId) {
        String actor = context.actorId();
        int unassigned = jdbc.sql("""
                        update license_assignment set active_product_id = null, unassigned_at = :now, unassigned_by = :actor,
                               data_retained_until = :keptUntil, removed_by_takeover_id = :takeover
                        where subscription_id = :source and active_product_id is not null and id > :after and id <= :upTo""")
                .param("now", Rows.timestamp(now)).param("actor", actor).param("keptUntil", dataKeptUntil)
                .param("takeover", chunk.takeoverId()).param("source", chunk.sourceSubscriptionId())
                .param("after", chunk.after()).param("upTo", chunk.upTo())
                .update();

        String movedRows = """
                from license_assignment a
                where a.subscription_id = :source and a.removed_by_takeover_id = :takeover and a.id > :after and a.id <= :upTo
                """;
        String withoutTargetProduct = """
                  and not exists (select 1 from license_assignment h
                                  where h.user_id = a.user_id and h.active_product_id = :product)""";
        // Audit rows for the new licenses first: the same predicate as the insert below, read before it.
        int audited = bind(jdbc.sql(AUDIT_COLUMNS + """
                        select :now, :actor, 'LICENSE_ASSIGNED', a.user_id, :product, :target,
                               :assignedText || a.user_id, :reason, :pi
                        """ + movedRows + withoutTargetProduct), context, chunk, now)
                .param("assignedText", "License moved from self-service subscription " + chunk.sourceSubscriptionId()
                        + " to subscription " + chunk.targetSubscriptionId() + " (" + chunk.targetProductId()
                        + ", switched-off services kept where the product has them) for user ")
                .update();
        int assigned = bind(jdbc.sql("""
                        insert into license_assignment (user_id, subscription_id, product_id, active_product_id,
                               disabled_plans, assigned_at, assigned_by)
                        select a.user_id, :target, :product, :product, """ + plansOnTarget(chunk) + """
                        , :now, :actor
                        """ + movedRows + withoutTargetProduct), context, chunk, now)
                .update();
        if (assigned != audited) {
            throw new IllegalStateException("Chunk of takeover " + chunk.takeoverId() + " audited " + audited
                    + " new licenses but created " + assigned);
        }
        bind(jdbc.sql(AUDIT_COLUMNS + """
                        select :now, :actor, 'LICENSE_UNASSIGNED', a.user_id, a.product_id, a.subscription_id,
                               :unassignedText || a.user_id, :reason, :pi
                        """ + movedRows), context, chunk, now)
                .param("unassignedText", "License of " + sourceProductId + " removed (moved to subscription "
                        + chunk.targetSubscriptionId() + "); mailbox data kept until " + dataKeptUntil + "; user ")
                .update();
        return new ChunkResult(unassigned, assigned);
    }

    /** Unassigns every license of the subscription (cancellation), with one audit row per user. Returns how many. */
    public int unassignAll(ChangeContext context, long takeoverId, long subscriptionId, Instant now,
                           LocalDate dataKeptUntil) {
        int unassigned = jdbc.sql("""
                        update license_assignment set active_product_id = null, unassigned_at = :now, unassigned_by = :actor,
                               data_retained_until = :keptUntil, removed_by_takeover_id = :takeover
                        where subscription_id = :source and active_product_id is not null""")
                .param("now", Rows.timestamp(now)).param("actor", context.actorId()).param("keptUntil", dataKeptUntil)
                .param("takeover", takeoverId).param("source", subscriptionId)
                .update();
        jdbc.sql(AUDIT_COLUMNS + """
                        select :now, :actor, 'LICENSE_UNASSIGNED', a.user_id, a.product_id, a.subscription_id,
                               :text || a.user_id, :reason, :pi
                        from license_assignment a
                        where a.subscription_id = :source and a.removed_by_takeover_id = :takeover""")
                .param("now", Rows.timestamp(now)).param("actor", context.actorId())
                .param("reason", context.reason()).param("pi", context.processInstanceId())
                .param("takeover", takeoverId).param("source", subscriptionId)
                .param("text", "License removed: self-service subscription " + subscriptionId
                        + " cancelled; mailbox data kept until " + dataKeptUntil + "; user ")
                .update();
        return unassigned;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, ChangeContext context, Chunk chunk,
                                                 Instant now) {
        statement.param("now", Rows.timestamp(now)).param("actor", context.actorId())
                .param("reason", context.reason()).param("pi", context.processInstanceId())
                .param("takeover", chunk.takeoverId()).param("source", chunk.sourceSubscriptionId())
                .param("target", chunk.targetSubscriptionId()).param("product", chunk.targetProductId())
                .param("after", chunk.after()).param("upTo", chunk.upTo());
        int i = 0;
        for (Map.Entry<String, String> mapping : chunk.disabledPlansOnTarget().entrySet()) {
            statement.param("from" + i, mapping.getKey()).param("to" + i, mapping.getValue());
            i++;
        }
        return statement;
    }

    /**
     * The switched-off plans of the new license: the old list where it is unchanged (same product),
     * else the old list cut to the plans the target product has, one CASE branch per distinct list.
     */
    private static String plansOnTarget(Chunk chunk) {
        if (chunk.disabledPlansOnTarget().entrySet().stream().allMatch(e -> e.getKey().equals(e.getValue()))) {
            return "a.disabled_plans";
        }
        StringBuilder sql = new StringBuilder("case a.disabled_plans");
        for (int i = 0; i < chunk.disabledPlansOnTarget().size(); i++) {
            sql.append(" when :from").append(i).append(" then cast(:to").append(i).append(" as varchar(2000))");
        }
        return sql.append(" else '' end").toString();
    }
}
