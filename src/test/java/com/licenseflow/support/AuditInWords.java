package com.licenseflow.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Every audit row a test's work wrote speaks in words, as the audit page and its CSV show it to people: no product
 * id, service plan code, user id, status constant, subscription or campaign number, ISO date or list in brackets
 * in its details or reason. Run after each integration test, on the rows written since the last check, so the test
 * that wrote a row in codes is the one that fails, whatever process or page wrote it.
 */
public class AuditInWords implements AfterEachCallback {

    private static final Map<ApplicationContext, Long> CHECKED_UP_TO = new ConcurrentHashMap<>();
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w.-]+");
    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://\\S+");
    // Microsoft 365's own words, quoted as it said them (they name its plans by their codes).
    private static final Pattern QUOTED_GRAPH = Pattern.compile("Microsoft 365 said: [^|]*");
    private static final Map<String, Pattern> CODES = Map.of(
            "a constant",
                    Pattern.compile(
                            "\\b[A-Z]{2,}(?:_[A-Z0-9]+)+\\b|\\b(?:ACTIVE|DELETED|EXPIRED|DISABLED|PENDING"
                                    + "|APPLIED|REFUSED|CENTRAL|WAITING|COMPLETED|MOVED|CANCELLED|APPROVED|DENIED|OPEN|ENABLED)\\b"),
            "a number for a thing", Pattern.compile("(?i)\\b(?:subscription|centralization|takeover|license) \\d+\\b"),
            "an ISO date", Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}(?:T[\\d:.]+Z?)?\\b"),
            "an arrow", Pattern.compile("->"),
            "a list in brackets", Pattern.compile("\\[[^\\]]*\\]"));

    private record Row(long id, String text) {}

    @Override
    public void afterEach(ExtensionContext context) {
        ApplicationContext spring = SpringExtension.getApplicationContext(context);
        JdbcClient jdbc = spring.getBean(JdbcClient.class);
        long from = CHECKED_UP_TO.getOrDefault(spring, 0L);
        List<Row> rows = jdbc.sql("select id, details, reason from audit_log where id > ? order by id")
                .param(from)
                .query((rs, n) -> new Row(
                        rs.getLong(1),
                        (rs.getString(2) == null ? "" : rs.getString(2)) + " | "
                                + (rs.getString(3) == null ? "" : rs.getString(3))))
                .list();
        if (rows.isEmpty()) {
            return;
        }
        CHECKED_UP_TO.put(spring, rows.get(rows.size() - 1).id());
        List<String> problems = new ArrayList<>();
        for (Row row : rows) {
            String text = QUOTED_GRAPH.matcher(row.text()).replaceAll(" ");
            text = WEB_ADDRESS.matcher(EMAIL.matcher(text).replaceAll(" ")).replaceAll(" ");
            String words = withoutNames(jdbc, text);
            for (String id : ids(jdbc, words)) {
                problems.add("'" + id + "' (an id) in: " + row.text());
            }
            CODES.forEach((what, pattern) -> {
                Matcher m = pattern.matcher(words);
                if (m.find()) {
                    problems.add("'" + m.group() + "' (" + what + ") in: " + row.text());
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(
                    "The audit trail must speak in words; these rows do not:\n  " + String.join("\n  ", problems));
        }
    }

    /** The text without the names of the products, plans and users its words name (test names hold their ids). */
    private static String withoutNames(JdbcClient jdbc, String text) {
        Set<String> tokens = tokens(text);
        if (tokens.isEmpty()) {
            return text;
        }
        List<String> names = new ArrayList<>();
        names.addAll(names(jdbc, "select name from product where ", tokens));
        names.addAll(names(jdbc, "select name from service_plan where ", tokens));
        names.addAll(names(jdbc, "select display_name from directory_user where ", tokens));
        names.sort(Comparator.comparingInt(String::length).reversed());
        String rest = text;
        for (String name : names) {
            rest = rest.replace(name, " ");
        }
        return rest;
    }

    private static List<String> names(JdbcClient jdbc, String select, Set<String> tokens) {
        return jdbc.sql(select + "id in (:ids)")
                .param("ids", tokens)
                .query(String.class)
                .list();
    }

    private static Set<String> ids(JdbcClient jdbc, String text) {
        Set<String> tokens = tokens(text);
        Set<String> found = new LinkedHashSet<>();
        if (!tokens.isEmpty()) {
            found.addAll(jdbc.sql("select id from product where id in (:ids)")
                    .param("ids", tokens)
                    .query(String.class)
                    .list());
            found.addAll(jdbc.sql("select id from service_plan where id in (:ids)")
                    .param("ids", tokens)
                    .query(String.class)
                    .list());
            found.addAll(jdbc.sql("select id from directory_user where id in (:ids)")
                    .param("ids", tokens)
                    .query(String.class)
                    .list());
        }
        return found;
    }

    private static Set<String> tokens(String text) {
        Set<String> tokens = new LinkedHashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            // Words that end a sentence keep their full stop out.
            tokens.add(m.group().replaceAll("[.]+$", ""));
        }
        tokens.remove("");
        return tokens;
    }
}
