package com.licenseflow.lifecycle.web;

import com.licenseflow.inventory.web.CurrentActor;
import com.licenseflow.lifecycle.IdleLicenseReclaim;
import com.licenseflow.lifecycle.IdleLicenseReclaimProcess;
import com.licenseflow.lifecycle.RecertificationProcess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reclaiming idle licenses: the idle rule per product, the runs with their reports, and the savings view. */
@Tag(name = "Idle-license reclaim and savings")
@RestController
@RequestMapping("/api")
class ReclaimController {

    public record IdleRuleChange(Integer idleDays, String reason) {}

    public record StartReclaim(String product) {}

    public record StartRecertification(String product, Integer deadlineDays, String whenUnanswered) {}

    private final IdleLicenseReclaim reclaim;
    private final CurrentActor actor;
    private final RuntimeService runtime;

    ReclaimController(IdleLicenseReclaim reclaim, CurrentActor actor, RuntimeService runtime) {
        this.reclaim = reclaim;
        this.actor = actor;
        this.runtime = runtime;
    }

    @Operation(
            summary = "After how many days without a sign-in each product's licenses count as idle",
            description = "Global and License admins.")
    @GetMapping("/reclaim-rules")
    public List<IdleLicenseReclaim.IdleRule> rules() {
        return reclaim.rules(actor.get());
    }

    @Operation(
            summary = "Set a product's own idle days",
            description = "`{\"idleDays\":60}` (7 to 3650). Global and " + "License admins.")
    @PutMapping("/reclaim-rules/{productId}")
    public IdleLicenseReclaim.IdleRule setRule(@PathVariable String productId, @RequestBody IdleRuleChange change) {
        return reclaim.setRule(actor.change(change.reason()), productId, change.idleDays());
    }

    @Operation(summary = "Let a product follow the default idle days again", description = "Global and License admins.")
    @DeleteMapping("/reclaim-rules/{productId}")
    public ResponseEntity<Void> removeRule(@PathVariable String productId) {
        reclaim.removeRule(actor.change("idle rule removed"), productId);
        return ResponseEntity.noContent().build();
    }

    @Operation(
            summary = "Reclaim runs and recertification campaigns, newest first, with what each found and did",
            description = "Global and " + "License admins.")
    @GetMapping("/reclaim-runs")
    public List<IdleLicenseReclaim.RunReport> runs() {
        return reclaim.runs(actor.get());
    }

    @Operation(
            summary = "Start a reclaim of idle licenses now",
            description = "`{\"product\":\"Microsoft 365 E3\"}` (name or id), or `{}` for every product: starts "
                    + "\"Reclaim idle licenses\" in your name; each manager of idle holders gets a task in Tasklist. "
                    + "Global and License admins.")
    @PostMapping("/reclaim-runs")
    public ResponseEntity<Map<String, String>> start(@RequestBody(required = false) StartReclaim start) {
        reclaim.requireMayStart(actor.get(), start == null ? null : start.product());
        Map<String, Object> variables = new HashMap<>();
        variables.put("product", start == null ? null : start.product());
        String id = runtime.startProcessInstanceByMessage(IdleLicenseReclaimProcess.REQUESTED, variables)
                .getId();
        return ResponseEntity.accepted()
                .location(URI.create("/api/reclaim-runs/" + id))
                .body(Map.of("runId", id, "status", "looking for idle licenses"));
    }

    @Operation(
            summary = "Start a license recertification campaign",
            description = "`{\"product\":\"Microsoft 365 E3\",\"deadlineDays\":14,\"whenUnanswered\":\"confirm\"}` "
                    + "(product by name or id, or left out for every product; 1 to 90 days; `confirm` or `remove`): "
                    + "starts \"Recertify licenses\" in your name; every holder's manager gets one task in Tasklist, "
                    + "with reminders. Its report: `GET /api/reclaim-runs/{runId}`. Global and License admins.")
    @PostMapping("/recertifications")
    public ResponseEntity<Map<String, String>> recertify(@RequestBody(required = false) StartRecertification start) {
        StartRecertification s = start == null ? new StartRecertification(null, null, null) : start;
        reclaim.requireMayStartCampaign(actor.get(), s.product(), s.deadlineDays(), s.whenUnanswered());
        Map<String, Object> variables = new HashMap<>();
        variables.put("product", s.product());
        variables.put(
                "deadlineDays",
                s.deadlineDays() == null ? null : s.deadlineDays().longValue());
        variables.put("whenUnanswered", s.whenUnanswered());
        String id = runtime.startProcessInstanceByMessage(RecertificationProcess.REQUESTED, variables)
                .getId();
        return ResponseEntity.accepted()
                .location(URI.create("/api/reclaim-runs/" + id))
                .body(Map.of("runId", id, "status", "gathering the licenses to recertify"));
    }

    @Operation(
            summary = "One reclaim run or recertification campaign",
            description = "Global and License admins. 404 until its idle licenses " + "are found.")
    @GetMapping("/reclaim-runs/{runId}")
    public IdleLicenseReclaim.RunReport run(@PathVariable String runId) {
        return reclaim.run(actor.get(), runId);
    }

    @Operation(
            summary = "The savings view: idle and reclaimed seats and money per month, by product and department",
            description = "Idle: what the next reclaim run would find now. Reclaimed: every run so far. Global, "
                    + "License and Billing admins.")
    @GetMapping("/savings")
    public List<IdleLicenseReclaim.Savings> savings() {
        return reclaim.savings(actor.get());
    }
}
