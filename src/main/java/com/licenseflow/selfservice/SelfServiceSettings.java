package com.licenseflow.selfservice;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licenseflow.self-service.*} (defaults in application.yml).
 *
 * @param cancellationWindowDays days after a self-service purchase within which cancelling ends it at once (A10)
 */
@ConfigurationProperties("licenseflow.self-service")
record SelfServiceSettings(int cancellationWindowDays) {

    public SelfServiceSettings {
        if (cancellationWindowDays < 0) {
            throw new IllegalArgumentException("licenseflow.self-service.cancellation-window-days cannot be negative");
        }
    }
}
