package com.licenseflow.shared;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One page of a query and the count of the whole: two statements on the same {@code from ... where},
 * the page read in {@code orderBy} with SQL's standard offset / fetch (H2 and PostgreSQL alike).
 */
public final class PagedQuery {

    private PagedQuery() {}

    public static <T> Page<T> page(
            JdbcClient jdbc,
            String columns,
            String fromWhere,
            String orderBy,
            Map<String, ?> params,
            PageRequest page,
            RowMapper<T> rows) {
        return page(jdbc, "select count(*) " + fromWhere, columns, fromWhere, orderBy, params, page, rows);
    }

    /**
     * With a count of its own, for a page whose rows need a join the count does not (the holders of a
     * product are counted from their licenses alone, and read with their names).
     */
    public static <T> Page<T> page(
            JdbcClient jdbc,
            String count,
            String columns,
            String fromWhere,
            String orderBy,
            Map<String, ?> params,
            PageRequest page,
            RowMapper<T> rows) {
        long total = jdbc.sql(count).params(params).query(Long.class).single();
        Map<String, Object> paged = new HashMap<>(params);
        paged.put("offset", page.offset());
        paged.put("size", page.size());
        List<T> found = total == 0
                ? List.of()
                : jdbc.sql("select " + columns + " " + fromWhere + " order by " + orderBy
                                + " offset :offset rows fetch next :size rows only")
                        .params(paged)
                        .query(rows)
                        .list();
        return Page.of(found, page, total);
    }

    /**
     * For a search, where counting costs as much as reading (every candidate is tested anyway): one
     * statement that reads the page and counts along ({@code count(*) over ()}).
     */
    public static <T> Page<T> pageCountingAlong(
            JdbcClient jdbc,
            String columns,
            String fromWhere,
            String orderBy,
            Map<String, ?> params,
            PageRequest page,
            RowMapper<T> rows) {
        Map<String, Object> paged = new HashMap<>(params);
        paged.put("offset", page.offset());
        paged.put("size", page.size());
        AtomicLong total = new AtomicLong(-1);
        List<T> found = jdbc.sql("select " + columns + ", count(*) over () as counted_along " + fromWhere + " order by "
                        + orderBy + " offset :offset rows fetch next :size rows only")
                .params(paged)
                .query((rs, n) -> {
                    total.set(rs.getLong("counted_along"));
                    return rows.mapRow(rs, n);
                })
                .list();
        if (total.get() < 0) {
            total.set(
                    page.page() == 1
                            ? 0
                            : jdbc.sql("select count(*) " + fromWhere)
                                    .params(params)
                                    .query(Long.class)
                                    .single());
        }
        return Page.of(found, page, total.get());
    }
}
