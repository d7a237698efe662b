package com.licenseflow.takeover;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licenseflow.takeover.*} (defaults in application.yml).
 *
 * @param chunkSize users moved per "Move next chunk" job (one transaction each) when a takeover moves users (S6)
 */
@ConfigurationProperties("licenseflow.takeover")
public record TakeoverSettings(int chunkSize) {

    public TakeoverSettings {
        if (chunkSize < 1 || chunkSize > TakeoverMove.MAX_CHUNK_SIZE) {
            throw new IllegalArgumentException("licenseflow.takeover.chunk-size must be between 1 and "
                    + TakeoverMove.MAX_CHUNK_SIZE + ", not " + chunkSize);
        }
    }
}
