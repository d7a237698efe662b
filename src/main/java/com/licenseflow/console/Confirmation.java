package com.licenseflow.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The question the console asks before anything that takes a license away, as the admin center does: what
 * each person loses and what happens to their data, then the same form again with {@link #CONFIRMED} to do it,
 * or back to where the admin came from.
 *
 * @param menu     the console menu item the page belongs to
 * @param action   where the confirmed form goes (the same handler that asked)
 * @param fields   the form's values, posted again unchanged
 * @param cancel   where "Cancel" leads, nothing changed
 */
record Confirmation(
        String menu,
        String title,
        List<String> losses,
        List<String> notes,
        String action,
        List<Field> fields,
        String confirm,
        String cancel) {

    /** The request parameter a confirmed form carries. */
    static final String CONFIRMED = "confirmed";

    record Field(String name, String value) {}

    /** The form's values, a list parameter once per value. */
    static List<Field> fields(Map<String, ?> values) {
        List<Field> fields = new ArrayList<>();
        values.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                list.forEach(v -> fields.add(new Field(name, String.valueOf(v))));
            } else if (value != null) {
                fields.add(new Field(name, String.valueOf(value)));
            }
        });
        return fields;
    }

    static boolean given(String confirmed) {
        return "yes".equals(confirmed);
    }
}
