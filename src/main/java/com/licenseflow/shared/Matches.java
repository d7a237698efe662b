package com.licenseflow.shared;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The names closest to what someone typed, for "did you mean ...?" when a name matches nothing:
 * first those that contain it (or that it contains), then those a few typing mistakes away.
 */
public final class Matches {

    private Matches() {}

    public static List<String> closest(String typed, Collection<String> names, int max) {
        String wanted = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        if (wanted.isEmpty()) {
            return List.of();
        }
        record Scored(String name, int score) {}
        return names.stream()
                .map(name -> new Scored(name, score(wanted, name.toLowerCase(Locale.ROOT))))
                .filter(s -> s.score() <= Math.max(3, wanted.length() / 3))
                .sorted(Comparator.comparingInt(Scored::score).thenComparing(Scored::name))
                .limit(max)
                .map(Scored::name)
                .toList();
    }

    /** 0 when one contains the other, else the edit distance (plus one). */
    private static int score(String wanted, String name) {
        if (name.contains(wanted) || wanted.contains(name)) {
            return 0;
        }
        return 1 + distance(wanted, name);
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** " Did you mean A or B?" when there are close names, else "". */
    public static String didYouMean(String typed, Collection<String> names) {
        List<String> close = closest(typed, names, 3);
        if (close.isEmpty()) {
            return "";
        }
        return " Did you mean "
                + (close.size() == 1
                        ? close.get(0)
                        : String.join(", ", close.subList(0, close.size() - 1)) + " or " + close.get(close.size() - 1))
                + "?";
    }
}
