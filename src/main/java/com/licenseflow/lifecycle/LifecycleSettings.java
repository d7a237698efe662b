package com.licenseflow.lifecycle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code licenseflow.lifecycle}: how often "Watch seats" looks at every product's free seats. */
@ConfigurationProperties("licenseflow.lifecycle")
public record LifecycleSettings(Duration seatCheckEvery) {

    public LifecycleSettings {
        if (seatCheckEvery == null || seatCheckEvery.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("licenseflow.lifecycle.seat-check-every must be at least a minute "
                    + "(PT1M), not " + seatCheckEvery);
        }
    }
}
