package com.licenseflow.selfservice.web;

import com.licenseflow.inventory.overview.InventoryViews;
import com.licenseflow.inventory.web.CurrentActor;
import com.licenseflow.inventory.web.SubscriptionJson;
import com.licenseflow.selfservice.SelfServiceCancellation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** S5: a purchaser cancels their own self-service subscription (the same as in Tasklist, "Cancel my self-service subscription"). */
@Tag(name = "Self-service purchases")
@RestController
@RequestMapping("/api/subscriptions")
class SelfServiceCancellationController {

    /** Optional: why the purchaser cancels. */
    public record CancelRequest(String reason) {}

    private final SelfServiceCancellation cancellation;
    private final InventoryViews views;
    private final CurrentActor actor;

    public SelfServiceCancellationController(
            SelfServiceCancellation cancellation, InventoryViews views, CurrentActor actor) {
        this.cancellation = cancellation;
        this.views = views;
        this.actor = actor;
    }

    /**
     * Within its cancellation window it becomes Deleted at once, its remaining users lose their license
     * (mailbox data kept 30 days); after it (A10) recurring billing goes off and it ends at its term's end. A
     * centralization waiting for it is told.
     */
    @Operation(
            summary = "S5 cancel your own self-service subscription",
            description =
                    "As Tasklist's \"Cancel my self-service subscription\": within its cancellation window Deleted at once, remaining users unassigned (mailbox data kept 30 days); after the window (A10) recurringBilling false and it ends at expiresOn, its users keep access until then; a waiting centralization told; optional `{\"reason\":\"..\"}`. 403 not the purchaser, 409 central, Deleted or being taken over. The purchaser.")
    @PostMapping("/{id}/cancel")
    public SubscriptionJson cancel(@PathVariable long id, @RequestBody(required = false) CancelRequest request) {
        var context = actor.change(request == null ? null : request.reason());
        cancellation.cancel(context, id);
        return SubscriptionJson.of(views.subscription(context.actor(), id));
    }
}
