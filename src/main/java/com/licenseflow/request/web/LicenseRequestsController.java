package com.licenseflow.request.web;

import com.licenseflow.inventory.web.CurrentActor;
import com.licenseflow.request.ApprovalStages;
import com.licenseflow.request.LicenseRequest;
import com.licenseflow.request.LicenseRequestList;
import com.licenseflow.request.LicenseRequestStart;
import com.licenseflow.request.RequestedUser;
import com.licenseflow.shared.Page;
import com.licenseflow.shared.PageLinks;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.Rule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** R1/R2: asking for a license (starts license-request.bpmn) and the Requests list. */
@Tag(name = "License requests")
@RestController
@RequestMapping("/api/license-requests")
class LicenseRequestsController {

    public record NewRequest(String product, List<String> colleagues, String justification, String endsOn) {}

    public record RequestJson(
            String id,
            String productId,
            String productName,
            String requesterId,
            String requesterName,
            String justification,
            Instant requestedAt,
            String status,
            String decidedBy,
            Instant decidedAt,
            String assignedProductId,
            Set<String> disabledServicePlans,
            String message,
            Instant completedAt,
            List<RequestedUser> users,
            String processInstanceId,
            Approval approval,
            LocalDate licenseEndsOn) {
        static RequestJson of(LicenseRequest r, Map<String, ApprovalStages.Progress> progress) {
            ApprovalStages.Progress p = progress.get(r.id());
            return new RequestJson(
                    r.id(),
                    r.productId(),
                    r.productName(),
                    r.requesterId(),
                    r.requesterName(),
                    r.justification(),
                    r.requestedAt(),
                    r.status().name(),
                    r.decidedBy(),
                    r.decidedAt(),
                    r.assignedProductId(),
                    r.disabledPlans(),
                    r.decisionMessage(),
                    r.completedAt(),
                    r.users(),
                    r.processInstanceId(),
                    p == null ? null : new Approval(p.policy(), p.stage(), p.stages(), p.waitingFor()),
                    r.endsOn());
        }
    }

    /** The approval policy's rule for the request, the stage it is at, and whom that stage waits for (null once decided). */
    public record Approval(String policy, int stage, int stages, String waitingFor) {}

    private final LicenseRequestStart start;
    private final LicenseRequestList list;
    private final CurrentActor actor;

    public LicenseRequestsController(LicenseRequestStart start, LicenseRequestList list, CurrentActor actor) {
        this.start = start;
        this.list = list;
        this.actor = actor;
    }

    /**
     * Starts the approval process in the caller's name. A refusal (own request process, self-service
     * available, unknown users...) comes back as a problem detail and nothing is started.
     */
    @Operation(
            summary = "R1 ask for a license",
            description =
                    "`{\"product\":\"name or id\",\"colleagues\":[\"id or email\",..],\"justification\":\"..\",\"endsOn\":\"2027-03-31 (optional)\"}` starts the approval process; the approval policy's approvers decide in Tasklist. Everyone.")
    @PostMapping
    public ResponseEntity<RequestJson> request(@RequestBody NewRequest request) {
        actor.get();
        LicenseRequest created =
                start.start(request.product(), request.colleagues(), request.justification(), request.endsOn());
        return ResponseEntity.created(URI.create("/api/license-requests/" + created.id()))
                .body(RequestJson.of(created, list.progress(List.of(created))));
    }

    @Operation(
            summary = "R2 the Requests list, each with its approval stage and whom it waits for",
            description = "`status=pending|completed`: product, requester, date, status, users with their outcome, "
                    + "newest first; `page` (from 1) and `size` (default 50, at most 500), the other pages in the "
                    + "`Link` header, the count in `X-Total-Count`. Global administrators see all (R11); everyone "
                    + "else the requests they made or are named in.")
    @GetMapping
    public ResponseEntity<List<RequestJson>> list(
            @RequestParam(defaultValue = "pending") String status,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        boolean completed = switch (status) {
            case "pending" -> false;
            case "completed" -> true;
            default ->
                throw Rule.INVALID_INPUT.violation("'" + status + "' is not a status; use pending or completed.");
        };
        Page<LicenseRequest> listed = list.list(actor.get(), completed, PageRequest.of(page, size));
        Map<String, ApprovalStages.Progress> progress = list.progress(listed.items());
        return PageLinks.answer(listed.map(r -> RequestJson.of(r, progress)));
    }

    @Operation(
            summary = "One license request",
            description = "As in the list: Global administrators, the requester and the users named in it.")
    @GetMapping("/{id}")
    public RequestJson get(@PathVariable String id) {
        LicenseRequest request = list.get(actor.get(), id);
        return RequestJson.of(request, list.progress(List.of(request)));
    }
}
