package com.licenseflow.inventory.web;

import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.audit.AuditEntry;
import com.licenseflow.inventory.audit.AuditTrail;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The audit trail: who changed what, when, why, and in which process instance. */
@Tag(name = "Audit trail")
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private static final int MAX_ROWS = 1000;

    private final AuditTrail audit;
    private final AccessPolicy access;
    private final CurrentActor actor;

    public AuditController(AuditTrail audit, AccessPolicy access, CurrentActor actor) {
        this.audit = audit;
        this.access = access;
        this.actor = actor;
    }

    @Operation(summary = "The audit trail",
            description = "Newest first; userId, subscriptionId, processInstanceId, limit. Admins.")
    @GetMapping
    public List<AuditEntry> entries(@RequestParam(required = false) String userId,
                                    @RequestParam(required = false) Long subscriptionId,
                                    @RequestParam(required = false) String processInstanceId,
                                    @RequestParam(defaultValue = "100") int limit) {
        access.requireAnyAdmin(actor.get(), "read the audit trail");
        return audit.find(userId, subscriptionId, processInstanceId, Math.max(1, Math.min(limit, MAX_ROWS)));
    }
}
