package com.licenseflow.lifecycle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licenseflow.lifecycle}: how often "Watch seats" looks at every product's free seats, and how
 * "Reclaim idle licenses" runs.
 */
@ConfigurationProperties("licenseflow.lifecycle")
public record LifecycleSettings(Duration seatCheckEvery, Reclaim reclaim) {

    /** What a manager's idle-license task does when nobody answers by its deadline. */
    public enum WhenUnanswered { RECLAIM, KEEP }

    /**
     * {@code licenseflow.lifecycle.reclaim}: how often idle licenses are looked for; after how many days
     * without a sign-in a license counts as idle (per product, unless a product has its own rule); how
     * long a manager has to answer and what happens then; how long a license kept with a reason is not
     * asked about again.
     */
    public record Reclaim(Duration every, int idleDays, Duration reviewWithin, WhenUnanswered whenUnanswered,
                          Duration keepFor) {

        public Reclaim {
            if (every == null || every.compareTo(Duration.ofHours(1)) < 0) {
                throw new IllegalArgumentException("licenseflow.lifecycle.reclaim.every must be at least an hour "
                        + "(PT1H), not " + every);
            }
            if (idleDays < 7 || idleDays > 3650) {
                throw new IllegalArgumentException("licenseflow.lifecycle.reclaim.idle-days must be between 7 and "
                        + "3650, not " + idleDays);
            }
            if (reviewWithin == null || reviewWithin.isNegative() || reviewWithin.isZero()) {
                throw new IllegalArgumentException("licenseflow.lifecycle.reclaim.review-within must be a positive "
                        + "duration such as P14D, not " + reviewWithin);
            }
            if (whenUnanswered == null) {
                throw new IllegalArgumentException("licenseflow.lifecycle.reclaim.when-unanswered must be reclaim or "
                        + "keep");
            }
            if (keepFor == null || keepFor.isNegative()) {
                throw new IllegalArgumentException("licenseflow.lifecycle.reclaim.keep-for must be a duration such as "
                        + "P90D, not " + keepFor);
            }
        }
    }

    public LifecycleSettings {
        if (seatCheckEvery == null || seatCheckEvery.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("licenseflow.lifecycle.seat-check-every must be at least a minute "
                    + "(PT1M), not " + seatCheckEvery);
        }
        if (reclaim == null) {
            throw new IllegalArgumentException("licenseflow.lifecycle.reclaim is missing");
        }
    }
}
