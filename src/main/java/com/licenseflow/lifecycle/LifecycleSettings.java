package com.licenseflow.lifecycle;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licenseflow.lifecycle}: how often "Watch seats" looks at every product's free seats, and how
 * "Reclaim idle licenses" runs.
 */
@ConfigurationProperties("licenseflow.lifecycle")
public record LifecycleSettings(Duration seatCheckEvery, Reclaim reclaim, Renewal renewal) {

    /** What a manager's idle-license task does when nobody answers by its deadline. */
    public enum WhenUnanswered {
        RECLAIM,
        KEEP
    }

    /**
     * {@code licenseflow.lifecycle.reclaim}: how often idle licenses are looked for; after how many days
     * without a sign-in a license counts as idle (per product, unless a product has its own rule); how
     * long a manager has to answer (also a recertification campaign's default deadline), how often a
     * recertification reminds them, and what happens then; how long a license kept with a reason is not
     * asked about again.
     */
    public record Reclaim(
            Duration every,
            int idleDays,
            Duration reviewWithin,
            WhenUnanswered whenUnanswered,
            Duration keepFor,
            Duration remindEvery) {

        public Reclaim {
            if (every == null || every.compareTo(Duration.ofHours(1)) < 0) {
                throw new IllegalArgumentException(
                        "licenseflow.lifecycle.reclaim.every must be at least an hour " + "(PT1H), not " + every);
            }
            if (idleDays < 7 || idleDays > 3650) {
                throw new IllegalArgumentException(
                        "licenseflow.lifecycle.reclaim.idle-days must be between 7 and " + "3650, not " + idleDays);
            }
            if (reviewWithin == null || reviewWithin.isNegative() || reviewWithin.isZero()) {
                throw new IllegalArgumentException("licenseflow.lifecycle.reclaim.review-within must be a positive "
                        + "duration such as P14D, not " + reviewWithin);
            }
            if (whenUnanswered == null) {
                throw new IllegalArgumentException(
                        "licenseflow.lifecycle.reclaim.when-unanswered must be reclaim or " + "keep");
            }
            if (remindEvery == null || remindEvery.compareTo(Duration.ofHours(1)) < 0) {
                throw new IllegalArgumentException("licenseflow.lifecycle.reclaim.remind-every must be at least an "
                        + "hour (PT1H), not " + remindEvery);
            }
            if (keepFor == null || keepFor.isNegative()) {
                throw new IllegalArgumentException(
                        "licenseflow.lifecycle.reclaim.keep-for must be a duration such as " + "P90D, not " + keepFor);
            }
        }
    }

    /**
     * {@code licenseflow.lifecycle.renewal}: how often "Watch renewals" looks for terms that end soon, and
     * how many days before a term's end billing admins are alerted (the largest opens the review; 0 is the
     * day itself, when the outcome is told).
     */
    public record Renewal(Duration checkEvery, List<Integer> alertDays) {

        public Renewal {
            if (checkEvery == null || checkEvery.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("licenseflow.lifecycle.renewal.check-every must be at least a "
                        + "minute (PT1M), not " + checkEvery);
            }
            if (alertDays == null
                    || alertDays.isEmpty()
                    || alertDays.stream().anyMatch(d -> d == null || d < 0 || d > 730)) {
                throw new IllegalArgumentException("licenseflow.lifecycle.renewal.alert-days must list days between 0 "
                        + "and 730 before a term ends, such as 120,30,15,0; not " + alertDays);
            }
            alertDays = alertDays.stream()
                    .distinct()
                    .sorted(Comparator.reverseOrder())
                    .toList();
        }

        /** The first alert, which opens a term's review. */
        public int opensAt() {
            return alertDays.get(0);
        }
    }

    public LifecycleSettings {
        if (seatCheckEvery == null || seatCheckEvery.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("licenseflow.lifecycle.seat-check-every must be at least a minute "
                    + "(PT1M), not " + seatCheckEvery);
        }
        if (reclaim == null || renewal == null) {
            throw new IllegalArgumentException(
                    "licenseflow.lifecycle.reclaim and licenseflow.lifecycle.renewal " + "must be set");
        }
    }
}
