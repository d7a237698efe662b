package com.licenseflow.lifecycle;

import com.licenseflow.shared.Rows;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of reclaim_run, reclaim_item and product_reclaim_rule. Finding idle licenses is one
 * INSERT ... SELECT per product: nothing about the users passes through the application.
 */
@Repository
class ReclaimRows {

    /** Where a reviewer is "nobody" (no manager with an enabled account): the License admins decide. */
    static final String LICENSE_ADMINS = "";

    record Run(
            String id,
            String kind,
            String productId,
            String startedBy,
            Instant startedAt,
            Instant reviewUntil,
            String whenUnanswered,
            Instant finishedAt,
            Integer seatsFreed,
            BigDecimal monthlySaving) {}

    record Item(
            long assignmentId,
            String userId,
            String userName,
            String productId,
            String productName,
            String reviewerId,
            String reason,
            LocalDate lastSignedInOn,
            BigDecimal monthlyPrice,
            String decision,
            String decidedBy,
            boolean defaulted,
            String keepReason,
            boolean reclaimed) {}

    record Tally(int idle, int kept, int reclaimed, int inUse, int defaulted, BigDecimal monthlySaving) {}

    private final JdbcClient jdbc;

    ReclaimRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // Rules.

    Map<String, Integer> rules() {
        return jdbc.sql("select product_id, idle_days from product_reclaim_rule")
                .query(rs -> {
                    Map<String, Integer> rules = new TreeMap<>();
                    while (rs.next()) {
                        rules.put(rs.getString(1), rs.getInt(2));
                    }
                    return rules;
                });
    }

    void saveRule(String productId, int idleDays) {
        if (jdbc.sql("update product_reclaim_rule set idle_days = ? where product_id = ?")
                        .params(idleDays, productId)
                        .update()
                == 0) {
            jdbc.sql("insert into product_reclaim_rule (product_id, idle_days) values (?, ?)")
                    .params(productId, idleDays)
                    .update();
        }
    }

    int deleteRule(String productId) {
        return jdbc.sql("delete from product_reclaim_rule where product_id = ?")
                .param(productId)
                .update();
    }

    // Runs.

    void insertRun(
            String id,
            String kind,
            String productId,
            String startedBy,
            Instant startedAt,
            Instant reviewUntil,
            String whenUnanswered) {
        jdbc.sql("""
                        insert into reclaim_run (id, kind, product_id, started_by, started_at, review_until, when_unanswered)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        id,
                        kind,
                        productId,
                        startedBy,
                        Rows.timestamp(startedAt),
                        Rows.timestamp(reviewUntil),
                        whenUnanswered)
                .update();
    }

    /** Adds every central license of one product to a campaign, except those in an open review. Returns how many. */
    int gatherHeld(String runId, String productId) {
        return jdbc.sql("""
                        insert into reclaim_item (run_id, assignment_id, user_id, product_id, reviewer_id, reason,
                               last_signed_in_on, monthly_price)
                        select :run, a.id, a.user_id, a.product_id,
                               case when m.account_enabled then u.manager_id end,
                               case when u.account_enabled then 'HELD' else 'DISABLED' end,
                               u.last_signed_in_on, s.price_per_seat
                        from license_assignment a
                        join directory_user u on u.id = a.user_id
                        join subscription s on s.id = a.subscription_id
                        left join directory_user m on m.id = u.manager_id
                        where a.product_id = :product and a.active_product_id = :product and s.kind = 'CENTRAL'
                          and not exists (select 1 from reclaim_item o where o.assignment_id = a.id
                                          and o.decision = 'OPEN')""").param("run", runId).param("product", productId).update();
    }

    Optional<Run> run(String id) {
        return jdbc.sql("select * from reclaim_run where id = ?")
                .param(id)
                .query(ReclaimRows::run)
                .optional();
    }

    List<Run> runs(int limit) {
        return jdbc
                .sql("select * from reclaim_run order by started_at desc, id")
                .query(ReclaimRows::run)
                .list()
                .stream()
                .limit(limit)
                .toList();
    }

    void finish(String id, Instant at, int seatsFreed, BigDecimal monthlySaving) {
        jdbc.sql("update reclaim_run set finished_at = ?, seats_freed = ?, monthly_saving = ? where id = ?")
                .params(Rows.timestamp(at), seatsFreed, monthlySaving, id)
                .update();
    }

    /**
     * Adds the idle licenses of one product to a run: central licenses of users whose account is
     * disabled or who have not signed in since {@code idleSince} (never signed in: held since before it);
     * not those already asked about in an open run, nor those kept since {@code keptSince}. Returns how many.
     */
    int findIdle(String runId, String productId, LocalDate idleSince, Instant keptSince) {
        return jdbc.sql("""
                        insert into reclaim_item (run_id, assignment_id, user_id, product_id, reviewer_id, reason,
                               last_signed_in_on, monthly_price)
                        select :run, a.id, a.user_id, a.product_id,
                               case when m.account_enabled then u.manager_id end,
                               case when u.account_enabled then 'IDLE' else 'DISABLED' end,
                               u.last_signed_in_on, s.price_per_seat
                        from license_assignment a
                        join directory_user u on u.id = a.user_id
                        join subscription s on s.id = a.subscription_id
                        left join directory_user m on m.id = u.manager_id
                        """ + IDLE + """

                          and not exists (select 1 from reclaim_item o where o.assignment_id = a.id
                                          and (o.decision = 'OPEN' or (o.decision = 'KEEP' and o.decided_at >= :keptSince)))""")
                .param("run", runId)
                .param("product", productId)
                .param("idleSince", idleSince)
                .param(
                        "idleSinceTime",
                        Rows.timestamp(idleSince.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .param("keptSince", Rows.timestamp(keptSince))
                .update();
    }

    /**
     * An idle license (of {@code a}, held by {@code u}, on subscription {@code s}): a central license of
     * :product whose holder's account is disabled or who has not signed in since :idleSince (never:
     * held since before it).
     */
    private static final String IDLE = """
            where a.product_id = :product and a.active_product_id = :product and s.kind = 'CENTRAL'
              and (u.account_enabled = false or u.last_signed_in_on < :idleSince
                   or (u.last_signed_in_on is null and a.assigned_at < :idleSinceTime))""";

    /** Who reviews the run's items: managers' ids, and {@link #LICENSE_ADMINS} for the rest. */
    List<String> reviewers(String runId) {
        return jdbc.sql("select distinct coalesce(reviewer_id, '') from reclaim_item where run_id = ? order by 1")
                .param(runId)
                .query(String.class)
                .list();
    }

    List<Item> items(String runId, String reviewer) {
        return jdbc.sql(ITEM_SELECT
                        + " where i.run_id = ? and coalesce(i.reviewer_id, '') = ? order by u.display_name, p.name")
                .params(runId, reviewer)
                .query(ReclaimRows::item)
                .list();
    }

    /** Records a reviewer's answer: {@code kept} are kept with {@code reason}, the rest of their open items reclaimed. */
    void decide(String runId, String reviewer, Collection<Long> kept, String reason, String decidedBy, Instant at) {
        if (!kept.isEmpty()) {
            jdbc.sql("""
                            update reclaim_item set decision = 'KEEP', keep_reason = :reason, decided_by = :by, decided_at = :at
                            where run_id = :run and coalesce(reviewer_id, '') = :reviewer and decision = 'OPEN'
                              and assignment_id in (:kept)""")
                    .param("reason", reason)
                    .param("by", decidedBy)
                    .param("at", Rows.timestamp(at))
                    .param("run", runId)
                    .param("reviewer", reviewer)
                    .param("kept", kept)
                    .update();
        }
        jdbc.sql("""
                        update reclaim_item set decision = 'RECLAIM', decided_by = ?, decided_at = ?
                        where run_id = ? and coalesce(reviewer_id, '') = ? and decision = 'OPEN'""").params(decidedBy, Rows.timestamp(at), runId, reviewer).update();
    }

    /**
     * Nobody answered by the deadline: the open items follow the run's default, except that a holder
     * who signed in since the run started is not idle any more and keeps the license.
     */
    void applyDefault(String runId, String reviewer, String decision, String decidedBy, Instant at, LocalDate runDay) {
        jdbc.sql("""
                        update reclaim_item set decision = 'IN_USE', defaulted = true, decided_by = ?, decided_at = ?
                        where run_id = ? and coalesce(reviewer_id, '') = ? and decision = 'OPEN' and reason = 'IDLE'
                          and exists (select 1 from directory_user u where u.id = reclaim_item.user_id
                                      and u.last_signed_in_on >= ?)""")
                .params(decidedBy, Rows.timestamp(at), runId, reviewer, runDay)
                .update();
        jdbc.sql("""
                        update reclaim_item set decision = ?, defaulted = true, decided_by = ?, decided_at = ?
                        where run_id = ? and coalesce(reviewer_id, '') = ? and decision = 'OPEN'""")
                .params(decision, decidedBy, Rows.timestamp(at), runId, reviewer)
                .update();
    }

    /** The reviewer's items decided RECLAIM and not yet taken back. */
    List<Long> toReclaim(String runId, String reviewer) {
        return jdbc.sql("""
                        select assignment_id from reclaim_item
                        where run_id = ? and coalesce(reviewer_id, '') = ? and decision = 'RECLAIM' and reclaimed = false
                        order by assignment_id""").params(runId, reviewer).query(Long.class).list();
    }

    void markReclaimed(String runId, Collection<Long> assignmentIds) {
        if (!assignmentIds.isEmpty()) {
            jdbc.sql("update reclaim_item set reclaimed = true where run_id = :run and assignment_id in (:ids)")
                    .param("run", runId)
                    .param("ids", assignmentIds)
                    .update();
        }
    }

    List<Item> reclaimedFor(String runId, String reviewer) {
        return jdbc.sql(ITEM_SELECT + " where i.run_id = ? and coalesce(i.reviewer_id, '') = ? and i.reclaimed = true"
                        + " order by u.display_name, p.name")
                .params(runId, reviewer)
                .query(ReclaimRows::item)
                .list();
    }

    Tally tally(String runId) {
        return jdbc.sql("""
                        select count(*) idle,
                               coalesce(sum(case when decision = 'KEEP' then 1 else 0 end), 0) kept,
                               coalesce(sum(case when reclaimed then 1 else 0 end), 0) reclaimed,
                               coalesce(sum(case when decision = 'IN_USE' then 1 else 0 end), 0) in_use,
                               coalesce(sum(case when defaulted then 1 else 0 end), 0) defaulted,
                               coalesce(sum(case when reclaimed then monthly_price else 0 end), 0) saving
                        from reclaim_item where run_id = ?""")
                .param(runId)
                .query((rs, n) -> new Tally(
                        rs.getInt("idle"),
                        rs.getInt("kept"),
                        rs.getInt("reclaimed"),
                        rs.getInt("in_use"),
                        rs.getInt("defaulted"),
                        rs.getBigDecimal("saving")))
                .single();
    }

    /** Seats and money per month of one product and department. */
    record SavingsRow(String productId, String department, int seats, BigDecimal monthly) {}

    /** The central licenses of {@code productId} idle now (as a run would find them), by department. */
    List<SavingsRow> idleNow(String productId, LocalDate idleSince) {
        return jdbc.sql("""
                        select u.department, count(*) seats, coalesce(sum(s.price_per_seat), 0) monthly
                        from license_assignment a
                        join directory_user u on u.id = a.user_id
                        join subscription s on s.id = a.subscription_id
                        """ + IDLE + """

                        group by u.department""")
                .param("product", productId)
                .param("idleSince", idleSince)
                .param(
                        "idleSinceTime",
                        Rows.timestamp(idleSince.atStartOfDay(ZoneOffset.UTC).toInstant()))
                .query((rs, n) -> new SavingsRow(
                        productId, rs.getString("department"), rs.getInt("seats"), rs.getBigDecimal("monthly")))
                .list();
    }

    /** The licenses every run reclaimed, by product and the holder's department. */
    List<SavingsRow> reclaimed() {
        return jdbc.sql("""
                        select i.product_id, u.department, count(*) seats, coalesce(sum(i.monthly_price), 0) monthly
                        from reclaim_item i join directory_user u on u.id = i.user_id
                        where i.reclaimed = true
                        group by i.product_id, u.department""")
                .query((rs, n) -> new SavingsRow(
                        rs.getString("product_id"),
                        rs.getString("department"),
                        rs.getInt("seats"),
                        rs.getBigDecimal("monthly")))
                .list();
    }

    private static final String ITEM_SELECT = """
            select i.*, u.display_name, p.name product_name from reclaim_item i
            join directory_user u on u.id = i.user_id
            join product p on p.id = i.product_id""";

    private static Run run(ResultSet rs, int n) throws SQLException {
        return new Run(
                rs.getString("id"),
                rs.getString("kind"),
                rs.getString("product_id"),
                rs.getString("started_by"),
                Rows.instant(rs, "started_at"),
                Rows.instant(rs, "review_until"),
                rs.getString("when_unanswered"),
                Rows.instant(rs, "finished_at"),
                rs.getObject("seats_freed", Integer.class),
                rs.getBigDecimal("monthly_saving"));
    }

    private static Item item(ResultSet rs, int n) throws SQLException {
        return new Item(
                rs.getLong("assignment_id"),
                rs.getString("user_id"),
                rs.getString("display_name"),
                rs.getString("product_id"),
                rs.getString("product_name"),
                rs.getString("reviewer_id"),
                rs.getString("reason"),
                Rows.date(rs, "last_signed_in_on"),
                rs.getBigDecimal("monthly_price"),
                rs.getString("decision"),
                rs.getString("decided_by"),
                rs.getBoolean("defaulted"),
                rs.getString("keep_reason"),
                rs.getBoolean("reclaimed"));
    }
}
