package com.licenseflow.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/** How refusals and summaries say counts and dates to people: "1 user", "3 users", "1 Dec 2026 09:15". */
public final class Words {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private Words() {}

    /** {@code count(1, "user", "users")} is "1 user", {@code count(3, ...)} "3 users". */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** {@code list(["Milan Jacobs", "Lotte Brouwer", "Emma de Vries"])} is "Milan Jacobs, Lotte Brouwer and Emma de Vries". */
    public static String list(Collection<String> items) {
        return joined(items, " and ");
    }

    private static String joined(Collection<String> items, String lastly) {
        List<String> all = List.copyOf(items);
        if (all.size() <= 1) {
            return all.isEmpty() ? "" : all.get(0);
        }
        return String.join(", ", all.subList(0, all.size() - 1)) + lastly + all.get(all.size() - 1);
    }

    /** Collects names into {@link #list}'s "A, B and C". */
    public static Collector<String, ?, String> and() {
        return Collectors.collectingAndThen(Collectors.toList(), Words::list);
    }

    /** Collects choices into "A, B or C". */
    public static Collector<String, ?, String> or() {
        return Collectors.collectingAndThen(Collectors.toList(), items -> joined(items, " or "));
    }

    /** The text with its first letter upper case, to begin a sentence. */
    public static String capitalized(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public static String moment(Instant instant, ZoneId zone) {
        return instant == null ? "" : MOMENT.format(instant.atZone(zone));
    }
}
