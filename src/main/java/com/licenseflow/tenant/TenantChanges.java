package com.licenseflow.tenant;

import com.licenseflow.inventory.LicenseLedger.TenantChange;
import com.licenseflow.shared.Rows;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tenant change outbox (rows the ledger writes with each license change): which are due, claimed by the node
 * sending them, and how each ended. Each method is one short statement or a few; the caller holds the transaction.
 */
@Component
class TenantChanges {

    /** A change to send, with what Graph needs: the user's object id (or sign-in name), the SKUs, the plans off. */
    record Due(
            long id,
            long licenseId,
            String userId,
            String userName,
            String graphUser,
            String productId,
            String productName,
            String skuId,
            TenantChange change,
            String replacesProductId,
            String replacesSkuId,
            Set<String> disabledPlans,
            String previousPlans,
            String processInstanceId,
            int attempts,
            boolean answerLost) {}

    /** A usage location to set in the tenant. */
    record UserChange(long id, String userId, String userName, String graphUser, String usageLocation) {}

    private final JdbcClient jdbc;

    TenantChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code max} due changes for {@code node}, the oldest first and at most one per user (a user's
     * changes are sent one after the other, in the order they were made). A change another node claimed and still
     * holds is left to it.
     */
    List<Long> claim(String node, int max, Instant now, Duration claimFor) {
        List<Long> due = jdbc.sql("""
                        select c.id from tenant_change c
                        where c.state = 'PENDING' and (c.not_before is null or c.not_before <= :now)
                          and (c.claimed_until is null or c.claimed_until < :now)
                          and not exists (select 1 from tenant_change e
                                          where e.user_id = c.user_id and e.state = 'PENDING' and e.id < c.id)
                          and not exists (select 1 from tenant_user_change l
                                          where l.user_id = c.user_id and l.state = 'PENDING')
                        order by c.id fetch first :max rows only""")
                .param("now", Rows.timestamp(now))
                .param("max", max)
                .query(Long.class)
                .list();
        List<Long> claimed = new ArrayList<>(due.size());
        for (Long id : due) {
            int mine = jdbc.sql("""
                            update tenant_change set claimed_by = :node, claimed_until = :until
                            where id = :id and state = 'PENDING' and (claimed_until is null or claimed_until < :now)""")
                    .param("node", node)
                    .param("until", Rows.timestamp(now.plus(claimFor)))
                    .param("now", Rows.timestamp(now))
                    .param("id", id)
                    .update();
            if (mine == 1) {
                claimed.add(id);
            }
        }
        return claimed;
    }

    List<Due> load(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select c.id, c.license_id, c.user_id, u.display_name,
                               coalesce(u.tenant_user_id, u.user_principal_name, u.email) as graph_user,
                               c.product_id, p.name as product_name, p.sku_id, c.change, c.replaces_product_id,
                               r.sku_id as replaces_sku_id, a.disabled_plans, c.previous_plans, c.process_instance_id,
                               c.attempts, c.sent_at
                        from tenant_change c
                        join directory_user u on u.id = c.user_id
                        join product p on p.id = c.product_id
                        join license_assignment a on a.id = c.license_id
                        left join product r on r.id = c.replaces_product_id
                        where c.id in (:ids) order by c.id""")
                .param("ids", ids)
                .query((rs, n) -> new Due(
                        rs.getLong("id"),
                        rs.getLong("license_id"),
                        rs.getString("user_id"),
                        rs.getString("display_name"),
                        rs.getString("graph_user"),
                        rs.getString("product_id"),
                        rs.getString("product_name"),
                        rs.getString("sku_id"),
                        TenantChange.valueOf(rs.getString("change")),
                        rs.getString("replaces_product_id"),
                        rs.getString("replaces_sku_id"),
                        Rows.planSet(rs.getString("disabled_plans")),
                        rs.getString("previous_plans"),
                        rs.getString("process_instance_id"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("sent_at") != null))
                .list();
    }

    /** About to be sent: until its answer is settled, a change whose answer is lost is known as one. */
    void sending(Collection<Long> ids, Instant now) {
        if (!ids.isEmpty()) {
            jdbc.sql("update tenant_change set sent_at = :now where id in (:ids)")
                    .param("now", Rows.timestamp(now))
                    .param("ids", ids)
                    .update();
        }
    }

    /** Claims up to {@code max} due usage locations for {@code node}, the oldest first and one per user. */
    List<UserChange> claimUserChanges(String node, int max, Instant now, Duration claimFor) {
        if (max <= 0) {
            return List.of();
        }
        List<Long> due = jdbc.sql("""
                        select c.id from tenant_user_change c
                        where c.state = 'PENDING' and (c.not_before is null or c.not_before <= :now)
                          and (c.claimed_until is null or c.claimed_until < :now)
                          and not exists (select 1 from tenant_user_change e
                                          where e.user_id = c.user_id and e.state = 'PENDING' and e.id < c.id)
                        order by c.id fetch first :max rows only""")
                .param("now", Rows.timestamp(now))
                .param("max", max)
                .query(Long.class)
                .list();
        List<Long> claimed = new ArrayList<>();
        for (Long id : due) {
            if (jdbc.sql("""
                                    update tenant_user_change set claimed_by = :node, claimed_until = :until
                                    where id = :id and state = 'PENDING'
                                      and (claimed_until is null or claimed_until < :now)""")
                            .param("node", node)
                            .param("until", Rows.timestamp(now.plus(claimFor)))
                            .param("now", Rows.timestamp(now))
                            .param("id", id)
                            .update()
                    == 1) {
                claimed.add(id);
            }
        }
        if (claimed.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select c.id, c.user_id, u.display_name,
                               coalesce(u.tenant_user_id, u.user_principal_name, u.email) as graph_user, c.usage_location
                        from tenant_user_change c join directory_user u on u.id = c.user_id
                        where c.id in (:ids) order by c.id""")
                .param("ids", claimed)
                .query((rs, n) -> new UserChange(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** How a usage location sent ended: APPLIED, REFUSED (with Graph's words), or PENDING again after {@code notBefore}. */
    void userChangeSettled(long id, String state, Instant now, Instant notBefore, String error) {
        jdbc.sql("""
                        update tenant_user_change set state = ?, settled_at = case when ? = 'PENDING' then null else ? end,
                               not_before = ?, claimed_by = null, claimed_until = null,
                               attempts = attempts + case when ? = 'PENDING' then 1 else 0 end,
                               last_error = coalesce(?, last_error)
                        where id = ? and state = 'PENDING'""")
                .params(
                        state,
                        state,
                        Rows.timestamp(now),
                        notBefore == null ? null : Rows.timestamp(notBefore),
                        state,
                        error == null ? null : cut(error),
                        id)
                .update();
    }

    /** A node that stops gives its lease back, so that the next one sends at once instead of after claim-for. */
    void releaseLease(String node) {
        jdbc.sql("update tenant_writer_lease set holder = null, held_until = null where id = 1 and holder = ?")
                .param(node)
                .update();
    }

    /** Microsoft's service plan id of each of {@code planIds} that has one. */
    Map<String, String> planGuids(Collection<String> planIds) {
        Map<String, String> guids = new HashMap<>();
        if (!planIds.isEmpty()) {
            jdbc.sql("select id, guid from service_plan where id in (:ids) and guid is not null")
                    .param("ids", planIds)
                    .query(rs -> {
                        guids.put(rs.getString(1), rs.getString(2));
                    });
        }
        return guids;
    }

    void applied(long id, Instant now) {
        jdbc.sql("""
                        update tenant_change set state = 'APPLIED', settled_at = ?, claimed_by = null, claimed_until = null
                        where id = ? and state = 'PENDING'""").params(Rows.timestamp(now), id).update();
    }

    /**
     * Sent again no earlier than {@code notBefore}; {@code failed}: counts as a failed attempt, with its error kept;
     * {@code mayHaveBeenMade}: its answer was lost, so the tenant is read back before it is sent again.
     */
    void later(long id, Instant notBefore, boolean failed, String error, boolean mayHaveBeenMade) {
        jdbc.sql("""
                        update tenant_change set not_before = ?, claimed_by = null, claimed_until = null,
                               sent_at = case when ? then sent_at else null end,
                               attempts = attempts + ?, last_error = coalesce(?, last_error)
                        where id = ? and state = 'PENDING'""")
                .params(
                        Rows.timestamp(notBefore),
                        mayHaveBeenMade,
                        failed ? 1 : 0,
                        error == null ? null : cut(error),
                        id)
                .update();
    }

    /** Refused; false when it was no longer pending (another node settled it). */
    boolean refused(long id, Instant now, GraphRefusal refusal, String words) {
        return jdbc.sql("""
                        update tenant_change set state = 'REFUSED', settled_at = ?, claimed_by = null,
                               claimed_until = null, refusal = ?, refusal_text = ?
                        where id = ? and state = 'PENDING'""")
                        .params(Rows.timestamp(now), refusal.graphName(), cut(words), id)
                        .update()
                == 1;
    }

    void refusalTask(Collection<Long> ids, String processInstanceId) {
        jdbc.sql("update tenant_change set refusal_process_instance_id = :pi where id in (:ids)")
                .param("pi", processInstanceId)
                .param("ids", ids)
                .update();
    }

    /**
     * How soon the next change Graph asked to wait for is due (negative: it is due already), or null when none
     * waits; changes another node holds are left out.
     */
    Duration nextDueIn(Instant now) {
        return jdbc.sql("select min(not_before) as next_due from tenant_change where state = 'PENDING' "
                        + "and not_before is not null and (claimed_until is null or claimed_until < ?)")
                .param(Rows.timestamp(now))
                .query((rs, n) -> java.util.Optional.ofNullable(Rows.instant(rs, "next_due")))
                .single()
                .map(next -> Duration.between(now, next))
                .orElse(null);
    }

    /** The refused changes made by {@code processInstanceId} (null: by a person, outside a process) nobody was told of yet. */
    List<Long> untoldRefusals(String processInstanceId) {
        return jdbc.sql(
                        "select id from tenant_change where state = 'REFUSED' and refusal_process_instance_id is null and "
                                + (processInstanceId == null
                                        ? "process_instance_id is null"
                                        : "process_instance_id = :pi")
                                + " order by id")
                .paramSource(processInstanceId == null ? Map.of() : Map.of("pi", processInstanceId))
                .query(Long.class)
                .list();
    }

    boolean pendingFor(String processInstanceId) {
        return jdbc.sql("select count(*) from tenant_change where process_instance_id = ? and state = 'PENDING'")
                        .param(processInstanceId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    List<LicenseChangeRefusals.Refusal> lastRefusals(String processInstanceId) {
        return jdbc.sql("""
                        select c.user_id, u.display_name, p.name, c.refusal_text from tenant_change c
                        join directory_user u on u.id = c.user_id join product p on p.id = c.product_id
                        where c.process_instance_id = :pi and c.state = 'REFUSED'
                          and not exists (select 1 from tenant_change l where l.process_instance_id = :pi
                                          and l.user_id = c.user_id and l.id > c.id)
                        order by c.id""")
                .param("pi", processInstanceId)
                .query((rs, n) -> new LicenseChangeRefusals.Refusal(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** The refused changes an admin's refusal task is about, oldest first: who, which product, why. */
    record Refused(String userName, String productName, String refusal, String words) {}

    List<Refused> refusedIn(String refusalProcessInstanceId) {
        return jdbc.sql("""
                        select u.display_name, p.name, c.refusal, c.refusal_text from tenant_change c
                        join directory_user u on u.id = c.user_id join product p on p.id = c.product_id
                        where c.refusal_process_instance_id = ? order by c.id""")
                .param(refusalProcessInstanceId)
                .query((rs, n) -> new Refused(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    /** Takes (or keeps) the writer's lease for {@code node} until {@code until}; false while another node holds it. */
    boolean lease(String node, Instant now, Instant until) {
        return jdbc.sql("""
                        update tenant_writer_lease set holder = :node, held_until = :until
                        where id = 1 and (holder is null or holder = :node or held_until < :now)""")
                        .param("node", node)
                        .param("until", Rows.timestamp(until))
                        .param("now", Rows.timestamp(now))
                        .update()
                == 1;
    }

    private static String cut(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}
