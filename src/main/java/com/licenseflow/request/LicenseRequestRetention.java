package com.licenseflow.request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R3: completed requests are removed the configured number of days after completion. The audit
 * trail keeps what they changed; the engine's history is bounded by historyTimeToLive. Safe to run
 * on several nodes at once: deleting what is already gone changes nothing.
 */
@Service
public class LicenseRequestRetention {

    private static final Logger LOG = LoggerFactory.getLogger(LicenseRequestRetention.class);

    private final LicenseRequestRepository requests;
    private final TenantSettingsService settings;
    private final Clock clock;

    public LicenseRequestRetention(LicenseRequestRepository requests, TenantSettingsService settings, Clock clock) {
        this.requests = requests;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${licenseflow.license-requests.purge-cron}")
    @Transactional
    public int purge() {
        int removed = requests.deleteCompletedBefore(
                Instant.now(clock).minus(Duration.ofDays(settings.current().requestRetentionDays())));
        if (removed > 0) {
            LOG.info("Removed {} completed license requests past their retention period", removed);
        }
        return removed;
    }
}
