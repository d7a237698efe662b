package com.licenseflow.inventory.web;

import com.licenseflow.inventory.overview.InventoryViews;
import com.licenseflow.inventory.subscription.SeatPurchaseService;
import com.licenseflow.inventory.subscription.SubscriptionKind;
import com.licenseflow.shared.PageLinks;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** S1: every subscription, self-service ones with purchaser, expiry, price and assigned users; buying seats. */
@Tag(name = "Subscriptions")
@RestController
@RequestMapping("/api/subscriptions")
class SubscriptionsController {

    public record AddSeatsRequest(int seats, String reason) {}

    private final InventoryViews views;
    private final SeatPurchaseService purchases;
    private final CurrentActor actor;

    public SubscriptionsController(InventoryViews views, SeatPurchaseService purchases, CurrentActor actor) {
        this.views = views;
        this.purchases = purchases;
        this.actor = actor;
    }

    @Operation(
            summary = "S1 subscriptions, a page at a time",
            description = "kind=central|self-service, productId: purchaser, expiry, price, cancellation window (users: "
                    + "one subscription's, at /api/subscriptions/{id}/users); `page` (from 1) and `size` (default 50, "
                    + "at most 500), the other pages in the `Link` header, the count in `X-Total-Count`. Admins.")
    @GetMapping
    public ResponseEntity<List<SubscriptionJson>> subscriptions(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String productId,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageLinks.answer(views.subscriptions(
                        actor.get(),
                        QueryParams.oneOf(SubscriptionKind.class, kind, "subscription kind"),
                        productId,
                        PageRequest.of(page, size))
                .map(SubscriptionJson::of));
    }

    @Operation(
            summary = "A subscription's users, a page at a time",
            description = "In the order they got their license; `page` and `size` as for the list. Admins; a "
                    + "purchaser their own subscription's.")
    @GetMapping("/{id}/users")
    public ResponseEntity<List<LicenseeJson>> users(
            @PathVariable long id,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageLinks.answer(views.subscriptionUsers(actor.get(), id, PageRequest.of(page, size))
                .map(LicenseeJson::of));
    }

    @Operation(
            summary = "One subscription",
            description = "As in the list, with its first 500 users in the order they got their license (all of "
                    + "them at /api/subscriptions/{id}/users). Admins; a purchaser their own.")
    @GetMapping("/{id}")
    public SubscriptionJson subscription(@PathVariable long id) {
        return SubscriptionJson.of(views.subscription(actor.get(), id));
    }

    @Operation(
            summary = "Buy seats on a central subscription",
            description = "`{\"seats\":n}`. Global and billing admins.")
    @PostMapping("/{id}/seats")
    public SubscriptionJson addSeats(@PathVariable long id, @RequestBody AddSeatsRequest request) {
        var context = actor.change(request.reason());
        purchases.addSeats(context, id, request.seats());
        return SubscriptionJson.of(views.subscription(context.actor(), id));
    }
}
