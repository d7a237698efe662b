package com.licenseflow.web;

import com.licenseflow.domain.access.AccessPolicy;
import com.licenseflow.domain.audit.AuditEntry;
import com.licenseflow.domain.audit.AuditTrail;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail: who changed what, when, why, and in which process instance. */
@RestController
@RequestMapping("/api/audit")
public class AuditController {

    private static final int MAX_ROWS = 1000;

    private final AuditTrail audit;
    private final AccessPolicy access;
    private final CurrentActor actor;

    public AuditController(AuditTrail audit, AccessPolicy access, CurrentActor actor) {
        this.audit = audit;
        this.access = access;
        this.actor = actor;
    }

    @GetMapping
    public List<AuditEntry> entries(@RequestParam(required = false) String userId,
                                    @RequestParam(required = false) Long subscriptionId,
                                    @RequestParam(required = false) String processInstanceId,
                                    @RequestParam(defaultValue = "100") int limit) {
        access.requireAnyAdmin(actor.get(), "read the audit trail");
        return audit.find(userId, subscriptionId, processInstanceId, Math.max(1, Math.min(limit, MAX_ROWS)));
    }
}
