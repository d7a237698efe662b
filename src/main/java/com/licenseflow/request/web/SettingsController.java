package com.licenseflow.request.web;

import com.licenseflow.inventory.web.CurrentActor;
import com.licenseflow.request.TenantSettings;
import com.licenseflow.request.TenantSettingsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** R4 "use your own request process" and R3 retention: readable by all, changed by global admins. */
@Tag(name = "License request settings")
@RestController
@RequestMapping("/api/settings/license-requests")
class SettingsController {

    public record SettingsJson(
            boolean ownRequestProcess, String message, String documentationUrl, Integer retentionDays, String reason) {
        static SettingsJson of(TenantSettings s) {
            return new SettingsJson(
                    s.ownRequestProcess(),
                    s.ownRequestMessage(),
                    s.ownRequestDocumentationUrl(),
                    s.requestRetentionDays(),
                    null);
        }
    }

    /** A change: every field may be left out (null), and then keeps its value; the switch too (R4). */
    public record SettingsChange(
            Boolean ownRequestProcess, String message, String documentationUrl, Integer retentionDays, String reason) {}

    private final TenantSettingsService settings;
    private final CurrentActor actor;

    public SettingsController(TenantSettingsService settings, CurrentActor actor) {
        this.settings = settings;
        this.actor = actor;
    }

    @Operation(
            summary = "R3/R4 request settings",
            description =
                    "Whether employees use your own request process (with its message and link), and how many days completed requests are kept. Everyone may read them.")
    @GetMapping
    public SettingsJson get() {
        actor.get();
        return SettingsJson.of(settings.current());
    }

    /** Fields left out keep their current value. */
    @Operation(
            summary = "Change the request settings",
            description =
                    "`{\"ownRequestProcess\":true,\"message\":\"..\",\"documentationUrl\":\"https://..\",\"retentionDays\":30}`. Global administrators only.")
    @PutMapping
    public SettingsJson change(@RequestBody SettingsChange wanted) {
        TenantSettings now = settings.current();
        return SettingsJson.of(settings.change(
                actor.change(wanted.reason()),
                new TenantSettings(
                        wanted.ownRequestProcess() != null ? wanted.ownRequestProcess() : now.ownRequestProcess(),
                        wanted.message() != null ? wanted.message() : now.ownRequestMessage(),
                        wanted.documentationUrl() != null
                                ? wanted.documentationUrl()
                                : now.ownRequestDocumentationUrl(),
                        wanted.retentionDays() != null ? wanted.retentionDays() : now.requestRetentionDays())));
    }
}
