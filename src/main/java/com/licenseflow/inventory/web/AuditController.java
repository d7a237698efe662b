package com.licenseflow.inventory.web;

import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.audit.AuditAction;
import com.licenseflow.inventory.audit.AuditEntry;
import com.licenseflow.inventory.audit.AuditSearch;
import com.licenseflow.inventory.audit.AuditTrail;
import com.licenseflow.shared.PageLinks;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail: who changed what, when, why, and in which process instance. */
@Tag(name = "Audit trail")
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditTrail audit;
    private final AccessPolicy access;
    private final CurrentActor actor;

    public AuditController(AuditTrail audit, AccessPolicy access, CurrentActor actor) {
        this.audit = audit;
        this.access = access;
        this.actor = actor;
    }

    @Operation(
            summary = "The audit trail, a page at a time",
            description = "Newest first. Filters: userId (whose license), productId, actor (who changed it), action "
                    + "(e.g. license-assigned), subscriptionId, processInstanceId; `page` (from 1) and `size` (default 50, "
                    + "at most 500), the other pages in the `Link` header, the count in `X-Total-Count`. Admins.")
    @GetMapping
    public ResponseEntity<List<AuditEntry>> entries(
            @RequestParam(required = false) String userId,
            @RequestParam(required = false) String productId,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) Long subscriptionId,
            @RequestParam(required = false) String processInstanceId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        access.requireAnyAdmin(this.actor.get(), "read the audit trail");
        AuditSearch search = new AuditSearch(
                userId,
                productId,
                actor,
                QueryParams.oneOf(AuditAction.class, action, "kind of change"),
                subscriptionId,
                processInstanceId);
        return PageLinks.answer(audit.find(search, PageRequest.of(page, size)));
    }
}
