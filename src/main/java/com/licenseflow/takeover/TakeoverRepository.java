package com.licenseflow.takeover;

import com.licenseflow.inventory.TakeoverLock;
import com.licenseflow.shared.Rows;
import com.licenseflow.shared.Rule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class TakeoverRepository implements TakeoverLock {

    private final JdbcClient jdbc;

    public TakeoverRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a running takeover. The unique key one_running_takeover_per_subscription refuses a
     * second running one for the same subscription (DuplicateKeyException), whoever inserts it.
     */
    public long insertRunning(long subscriptionId, String processInstanceId, String startedBy, Instant at) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into subscription_takeover (subscription_id, running_subscription_id, process_instance_id,
                               started_by, started_at, status)
                        values (?, ?, ?, ?, ?, 'STARTED')""")
                .params(subscriptionId, subscriptionId, processInstanceId, startedBy, Rows.timestamp(at))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public Optional<Takeover> find(long id) {
        return jdbc.sql("select * from subscription_takeover where id = ?")
                .param(id)
                .query(this::map)
                .optional();
    }

    public Takeover require(long id) {
        return find(id).orElseThrow(() -> Rule.UNKNOWN_TAKEOVER.violation("There is no takeover " + id + "."));
    }

    public Optional<Takeover> ofProcessInstance(String processInstanceId) {
        return jdbc.sql("select * from subscription_takeover where process_instance_id = ?")
                .param(processInstanceId)
                .query(this::map)
                .optional();
    }

    @Override
    public Optional<Holder> holder(long subscriptionId) {
        return running(subscriptionId).map(t -> new Holder(t.startedBy(), t.startedAt()));
    }

    public Optional<Takeover> running(long subscriptionId) {
        return jdbc.sql("select * from subscription_takeover where running_subscription_id = ?")
                .param(subscriptionId)
                .query(this::map)
                .optional();
    }

    /** The running takeover of the subscription, else its most recent one. */
    public Optional<Takeover> latest(long subscriptionId) {
        return jdbc.sql("""
                        select * from subscription_takeover where subscription_id = ?
                        order by case when running_subscription_id is null then 1 else 0 end, id desc
                        fetch first 1 rows only""").param(subscriptionId).query(this::map).optional();
    }

    public void chooseAction(long id, TakeoverAction action) {
        jdbc.sql("update subscription_takeover set action = ? where id = ?")
                .params(action.name(), id)
                .update();
    }

    public void startMoving(long id, long targetSubscriptionId, int usersTotal, int seatsReserved) {
        jdbc.sql("""
                        update subscription_takeover set status = 'MOVING', action = 'MOVE', target_subscription_id = ?,
                               users_total = ?, users_moved = 0, seats_reserved = ?, seats_used = 0
                        where id = ?""")
                .params(targetSubscriptionId, usersTotal, seatsReserved, id)
                .update();
    }

    /** Records one finished chunk: it moved {@code moved} users, {@code seatsUsed} of them into new licenses. */
    public void chunkMoved(long id, int moved, int seatsUsed, int extraSeats, long movedUpToId) {
        jdbc.sql("""
                        update subscription_takeover set users_moved = users_moved + ?, seats_used = seats_used + ?,
                               seats_reserved = seats_reserved + ?, moved_up_to_id = ?
                        where id = ?""").params(moved, seatsUsed, extraSeats, movedUpToId, id).update();
    }

    /** {@code users} whose move Microsoft 365 refused stay on the subscription: no longer counted as moved. */
    public void usersStayed(long id, int users) {
        jdbc.sql("update subscription_takeover set users_stayed = ?, users_moved = users_moved - ? where id = ?")
                .params(users, users, id)
                .update();
    }

    public void endingAtTerm(long id, String reason) {
        jdbc.sql(
                        "update subscription_takeover set status = 'ENDING_AT_TERM', action = 'CANCEL', cancellation_reason = ? "
                                + "where id = ?")
                .params(reason, id)
                .update();
    }

    /** Ends the takeover and with it the lock on the subscription. */
    public void finish(long id, TakeoverStatus status, String reason, String by, Instant at) {
        jdbc.sql("""
                        update subscription_takeover set status = ?, running_subscription_id = null,
                               cancellation_reason = coalesce(?, cancellation_reason), finished_by = ?, finished_at = ?
                        where id = ? and running_subscription_id is not null""").params(status.name(), reason, by, Rows.timestamp(at), id).update();
    }

    private Takeover map(ResultSet rs, int row) throws SQLException {
        String action = rs.getString("action");
        return new Takeover(
                rs.getLong("id"),
                rs.getLong("subscription_id"),
                rs.getString("process_instance_id"),
                rs.getString("started_by"),
                Rows.instant(rs, "started_at"),
                action == null ? null : TakeoverAction.valueOf(action),
                TakeoverStatus.valueOf(rs.getString("status")),
                Rows.nullableLong(rs, "target_subscription_id"),
                rs.getInt("users_total"),
                rs.getInt("users_moved"),
                rs.getInt("seats_reserved"),
                rs.getInt("seats_used"),
                rs.getLong("moved_up_to_id"),
                rs.getString("cancellation_reason"),
                rs.getString("finished_by"),
                Rows.instant(rs, "finished_at"),
                rs.getInt("users_stayed"));
    }
}
