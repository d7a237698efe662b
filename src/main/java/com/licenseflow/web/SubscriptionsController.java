package com.licenseflow.web;

import com.licenseflow.domain.overview.InventoryViews;
import com.licenseflow.domain.subscription.SeatPurchaseService;
import com.licenseflow.domain.subscription.SubscriptionKind;
import com.licenseflow.web.json.SubscriptionJson;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** S1: every subscription, self-service ones with purchaser, expiry, price and assigned users; buying seats. */
@RestController
@RequestMapping("/api/subscriptions")
public class SubscriptionsController {

    public record AddSeatsRequest(int seats, String reason) {
    }

    private final InventoryViews views;
    private final SeatPurchaseService purchases;
    private final CurrentActor actor;

    public SubscriptionsController(InventoryViews views, SeatPurchaseService purchases, CurrentActor actor) {
        this.views = views;
        this.purchases = purchases;
        this.actor = actor;
    }

    @GetMapping
    public List<SubscriptionJson> subscriptions(@RequestParam(required = false) String kind,
                                                @RequestParam(required = false) String productId) {
        return views.subscriptions(actor.get(), QueryParams.oneOf(SubscriptionKind.class, kind, "subscription kind"), productId).stream()
                .map(SubscriptionJson::of).toList();
    }

    @GetMapping("/{id}")
    public SubscriptionJson subscription(@PathVariable long id) {
        return SubscriptionJson.of(views.subscription(actor.get(), id));
    }

    @PostMapping("/{id}/seats")
    public SubscriptionJson addSeats(@PathVariable long id, @RequestBody AddSeatsRequest request) {
        var context = actor.change(request.reason());
        purchases.addSeats(context, id, request.seats());
        return SubscriptionJson.of(views.subscription(context.actor(), id));
    }
}
