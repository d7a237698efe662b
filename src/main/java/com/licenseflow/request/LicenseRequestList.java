package com.licenseflow.request;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.shared.Page;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.Rule;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R2: the Requests list, pending or completed. Global administrators see every request (R11); other users see the
 * requests they made or are named in. R3: completed requests leave the list after the retention
 * period, whether or not the nightly purge has removed them yet.
 */
@Service
@Transactional(readOnly = true)
public class LicenseRequestList {

    private final LicenseRequestRepository requests;
    private final TenantSettingsService settings;
    private final ApprovalStages stages;
    private final Clock clock;

    public LicenseRequestList(
            LicenseRequestRepository requests, TenantSettingsService settings, ApprovalStages stages, Clock clock) {
        this.requests = requests;
        this.stages = stages;
        this.settings = settings;
        this.clock = clock;
    }

    /** R11: the Requests list is the Global administrators'; everyone else sees the requests they are in. */
    private static boolean seesAll(Actor viewer) {
        return viewer.hasAnyOf(AdminRole.GLOBAL_ADMIN);
    }

    /** Newest first, a page at a time. */
    public Page<LicenseRequest> list(Actor viewer, boolean completed, PageRequest page) {
        return requests.page(completed, retentionCutoff(), seesAll(viewer) ? null : viewer.userId(), page);
    }

    /** "My licenses": the pending requests the viewer made or is named in, whatever their role. */
    public Page<LicenseRequest> pendingFor(Actor viewer, PageRequest page) {
        return requests.page(false, retentionCutoff(), viewer.userId(), page);
    }

    public LicenseRequest get(Actor viewer, String id) {
        LicenseRequest request = requests.find(id)
                .filter(r -> !r.status().isCompleted() || !r.completedAt().isBefore(retentionCutoff()))
                .filter(r -> seesAll(viewer)
                        || r.requesterId().equals(viewer.userId())
                        || r.userIds().contains(viewer.userId()))
                .orElse(null);
        if (request == null) {
            throw Rule.UNKNOWN_LICENSE_REQUEST.violation("There is no license request '" + id + "' that you can see. "
                    + "Completed requests leave the list after "
                    + settings.current().requestRetentionDays() + " days.");
        }
        return request;
    }

    /** Where each listed request's approval stands (stage, whom it waits for), by id; none for automatic ones. */
    public Map<String, ApprovalStages.Progress> progress(List<LicenseRequest> listed) {
        return stages.progress(listed);
    }

    Instant retentionCutoff() {
        return Instant.now(clock).minus(Duration.ofDays(settings.current().requestRetentionDays()));
    }
}
