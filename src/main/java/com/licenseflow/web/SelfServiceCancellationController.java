package com.licenseflow.web;

import com.licenseflow.domain.overview.InventoryViews;
import com.licenseflow.domain.selfservice.SelfServiceCancellation;
import com.licenseflow.web.json.SubscriptionJson;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** S5: a purchaser cancels their own self-service subscription (the same as in Tasklist, "Cancel my self-service subscription"). */
@RestController
@RequestMapping("/api/subscriptions")
public class SelfServiceCancellationController {

    /** Optional: why the purchaser cancels. */
    public record CancelRequest(String reason) {
    }

    private final SelfServiceCancellation cancellation;
    private final InventoryViews views;
    private final CurrentActor actor;

    public SelfServiceCancellationController(SelfServiceCancellation cancellation, InventoryViews views,
                                             CurrentActor actor) {
        this.cancellation = cancellation;
        this.views = views;
        this.actor = actor;
    }

    /**
     * It becomes Deleted at once, its remaining users lose their license (mailbox data kept 30 days),
     * and a centralization waiting for it is told.
     */
    @PostMapping("/{id}/cancel")
    public SubscriptionJson cancel(@PathVariable long id, @RequestBody(required = false) CancelRequest request) {
        var context = actor.change(request == null ? null : request.reason());
        cancellation.cancel(context, id);
        return SubscriptionJson.of(views.subscription(context.actor(), id));
    }
}
