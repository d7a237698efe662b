package com.licenseflow.takeover;

import com.licenseflow.inventory.ChunkedMove;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licenseflow.takeover.*} (defaults in application.yml).
 *
 * @param chunkSize users moved per "Move next chunk" job (one transaction each) when a takeover moves users (S6)
 */
@ConfigurationProperties("licenseflow.takeover")
public record TakeoverSettings(int chunkSize) {

    public TakeoverSettings {
        ChunkedMove.requireChunkSize(chunkSize, "licenseflow.takeover.chunk-size");
    }
}
