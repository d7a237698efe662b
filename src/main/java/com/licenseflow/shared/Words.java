package com.licenseflow.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How refusals and summaries say counts and dates to people: "1 user", "3 users", "1 Dec 2026 09:15". */
public final class Words {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private Words() {}

    /** {@code count(1, "user", "users")} is "1 user", {@code count(3, ...)} "3 users". */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public static String moment(Instant instant, ZoneId zone) {
        return instant == null ? "" : MOMENT.format(instant.atZone(zone));
    }
}
