package com.licenseflow.centralization;

import com.licenseflow.inventory.ChunkedMove;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licenseflow.centralization.*} (defaults in application.yml).
 *
 * @param reminderEvery  S5: how often a purchaser is reminded to cancel their purchase
 * @param cancelDeadline S5: how long a purchaser has to cancel
 * @param chunkSize      users given a central license per "Assign next chunk" job (one transaction each)
 */
@ConfigurationProperties("licenseflow.centralization")
public record CentralizationSettings(Duration reminderEvery, Duration cancelDeadline, int chunkSize) {

    public CentralizationSettings {
        if (reminderEvery == null
                || cancelDeadline == null
                || reminderEvery.isNegative()
                || reminderEvery.isZero()
                || cancelDeadline.isNegative()
                || cancelDeadline.isZero()) {
            throw new IllegalArgumentException("licenseflow.centralization.reminder-every and cancel-deadline must be "
                    + "positive durations (e.g. P7D, P30D)");
        }
        ChunkedMove.requireChunkSize(chunkSize, "licenseflow.centralization.chunk-size");
    }
}
