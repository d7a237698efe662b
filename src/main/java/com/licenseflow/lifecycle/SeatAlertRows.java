package com.licenseflow.lifecycle;

import com.licenseflow.shared.Rows;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rows of product_seat_alert. */
@Repository
class SeatAlertRows {

    record Row(
            String productId,
            Integer minFreeSeats,
            Integer minFreePercent,
            boolean below,
            Instant crossedAt,
            String alertedBy) {}

    private final JdbcClient jdbc;

    SeatAlertRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Row> all() {
        return jdbc.sql("select * from product_seat_alert order by product_id")
                .query((rs, n) -> new Row(
                        rs.getString("product_id"), rs.getObject("min_free_seats", Integer.class),
                        rs.getObject("min_free_percent", Integer.class), rs.getBoolean("below"),
                        Rows.instant(rs, "crossed_at"), rs.getString("alerted_by")))
                .list();
    }

    List<Row> alertedBy(String processInstanceId) {
        return all().stream()
                .filter(r -> processInstanceId.equals(r.alertedBy()))
                .toList();
    }

    void save(String productId, Integer minFreeSeats, Integer minFreePercent) {
        int updated =
                jdbc.sql("""
                        update product_seat_alert set min_free_seats = ?, min_free_percent = ?, below = false,
                               crossed_at = null, alerted_by = null
                        where product_id = ?""").params(minFreeSeats, minFreePercent, productId).update();
        if (updated == 0) {
            jdbc.sql("insert into product_seat_alert (product_id, min_free_seats, min_free_percent) values (?, ?, ?)")
                    .params(productId, minFreeSeats, minFreePercent)
                    .update();
        }
    }

    int delete(String productId) {
        return jdbc.sql("delete from product_seat_alert where product_id = ?")
                .param(productId)
                .update();
    }

    /** Marks a crossing, unless another check marked it first (two nodes): returns whether this one did. */
    boolean markBelow(String productId, Instant at, String processInstanceId) {
        return jdbc.sql("""
                        update product_seat_alert set below = true, crossed_at = ?, alerted_by = ?
                        where product_id = ? and below = false""")
                        .params(Rows.timestamp(at), processInstanceId, productId)
                        .update()
                == 1;
    }

    void rearm(String productId) {
        jdbc.sql("update product_seat_alert set below = false, alerted_by = null where product_id = ? and below = true")
                .param(productId)
                .update();
    }
}
