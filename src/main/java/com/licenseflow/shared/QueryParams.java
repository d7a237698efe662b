package com.licenseflow.shared;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Query parameters as people type them in URLs. */
public final class QueryParams {

    private QueryParams() {}

    /** One of the enum's values, in any case and with - for _; null or blank means no filter. */
    public static <E extends Enum<E>> E oneOf(Class<E> type, String text, String what) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        E[] values = type.getEnumConstants();
        for (E value : values) {
            if (value.name().equals(normalized)) {
                return value;
            }
        }
        List<String> names = Arrays.stream(values)
                .map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .toList();
        throw Rule.INVALID_INPUT.violation("'" + text + "' is not a " + what + "; use "
                + String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1) + ".");
    }
}
