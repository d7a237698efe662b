package com.licenseflow.web;

import com.licenseflow.domain.overview.InventoryViews;
import com.licenseflow.domain.subscription.SeatPurchaseService;
import com.licenseflow.web.json.SubscriptionJson;
import com.licenseflow.workflow.centralization.PurchaserCancellation;
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

    /** Optional: why the purchaser cancels. */
    public record CancelRequest(String reason) {
    }

    private final InventoryViews views;
    private final SeatPurchaseService purchases;
    private final PurchaserCancellation cancellation;
    private final CurrentActor actor;

    public SubscriptionsController(InventoryViews views, SeatPurchaseService purchases,
                                   PurchaserCancellation cancellation, CurrentActor actor) {
        this.views = views;
        this.purchases = purchases;
        this.cancellation = cancellation;
        this.actor = actor;
    }

    @GetMapping
    public List<SubscriptionJson> subscriptions(@RequestParam(required = false) String kind,
                                                @RequestParam(required = false) String productId) {
        return views.subscriptions(actor.get(), QueryParams.kind(kind), productId).stream()
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

    /**
     * S5: the purchaser cancels their own self-service subscription: it becomes Deleted at once, its
     * remaining users lose their license (mailbox data kept 30 days), and a centralization waiting for
     * it is told.
     */
    @PostMapping("/{id}/cancel")
    public SubscriptionJson cancel(@PathVariable long id, @RequestBody(required = false) CancelRequest request) {
        var context = actor.change(request == null ? null : request.reason());
        cancellation.cancel(context, id);
        return SubscriptionJson.of(views.subscription(context.actor(), id));
    }
}
