package com.licenseflow.lifecycle.web;

import com.licenseflow.inventory.web.CurrentActor;
import com.licenseflow.lifecycle.LowSeatAlerts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Low-seat alerts: per product, below how many free seats billing admins are told. */
@Tag(name = "Low-seat alerts")
@RestController
@RequestMapping("/api/seat-alerts")
class SeatAlertsController {

    public record SeatAlertJson(
            String productId,
            String productName,
            Integer minFreeSeats,
            Integer minFreePercent,
            String threshold,
            int freeSeats,
            int totalSeats,
            boolean alerted) {
        static SeatAlertJson of(LowSeatAlerts.SeatAlert a) {
            return new SeatAlertJson(
                    a.productId(),
                    a.productName(),
                    a.minFreeSeats(),
                    a.minFreePercent(),
                    a.thresholdWords(),
                    a.freeSeats(),
                    a.totalSeats(),
                    a.below());
        }
    }

    public record SeatAlertChange(Integer minFreeSeats, Integer minFreePercent, String reason) {}

    private final LowSeatAlerts alerts;
    private final CurrentActor actor;

    SeatAlertsController(LowSeatAlerts alerts, CurrentActor actor) {
        this.alerts = alerts;
        this.actor = actor;
    }

    @Operation(summary = "Every low-seat alert, with the free seats now", description = "Global and billing admins.")
    @GetMapping
    public List<SeatAlertJson> list() {
        return alerts.list(actor.get()).stream().map(SeatAlertJson::of).toList();
    }

    @Operation(
            summary = "Set a product's low-seat alert",
            description = "`{\"minFreeSeats\":3}` or `{\"minFreePercent\":10}`: billing admins are emailed once when "
                    + "the product's free central seats fall below it, and again only after it had enough. Global and "
                    + "billing admins.")
    @PutMapping("/{productId}")
    public SeatAlertJson set(@PathVariable String productId, @RequestBody SeatAlertChange change) {
        return SeatAlertJson.of(
                alerts.set(actor.change(change.reason()), productId, change.minFreeSeats(), change.minFreePercent()));
    }

    @Operation(summary = "Remove a product's low-seat alert", description = "Global and billing admins.")
    @DeleteMapping("/{productId}")
    public ResponseEntity<Void> remove(@PathVariable String productId) {
        alerts.remove(actor.change("low-seat alert removed"), productId);
        return ResponseEntity.noContent().build();
    }
}
