package com.licenseflow.shared;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One page of a query and the count of the whole: two statements on the same {@code from ... where},
 * the page read in {@code orderBy} with SQL's standard offset / fetch (H2 and PostgreSQL alike).
 */
public final class PagedQuery {

    private PagedQuery() {
    }

    public static <T> Page<T> page(JdbcClient jdbc, String columns, String fromWhere, String orderBy,
                                   Map<String, ?> params, PageRequest page, RowMapper<T> rows) {
        long total = jdbc.sql("select count(*) " + fromWhere).params(params).query(Long.class).single();
        Map<String, Object> paged = new HashMap<>(params);
        paged.put("offset", page.offset());
        paged.put("size", page.size());
        List<T> found = total == 0 ? List.of() : jdbc.sql("select " + columns + " " + fromWhere + " order by " + orderBy
                        + " offset :offset rows fetch next :size rows only")
                .params(paged).query(rows).list();
        return Page.of(found, page, total);
    }
}
