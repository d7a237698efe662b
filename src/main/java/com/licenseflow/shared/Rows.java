package com.licenseflow.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Column conversions that behave the same on H2 and PostgreSQL (the PostgreSQL driver does not take
 * an {@link Instant}, both take an {@link OffsetDateTime}).
 */
public final class Rows {

    private Rows() {}

    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Service-plan sets are stored as one sorted, comma-separated column. */
    public static String planList(Collection<String> plans) {
        return String.join(",", new TreeSet<>(plans));
    }

    public static Set<String> planSet(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(column.split(",")).collect(Collectors.toCollection(TreeSet::new));
    }
}
