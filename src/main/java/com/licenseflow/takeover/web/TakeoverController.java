package com.licenseflow.takeover.web;

import com.licenseflow.inventory.web.CurrentActor;
import com.licenseflow.takeover.SubscriptionTakeovers;
import com.licenseflow.takeover.Takeover;
import com.licenseflow.takeover.TakeoverStart;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** S4: taking over a self-service subscription (starts subscription-takeover.bpmn) and following it. */
@Tag(name = "Takeover")
@RestController
@RequestMapping("/api/subscriptions/{id}/takeover")
class TakeoverController {

    /** All optional: without them the admin decides in Tasklist. */
    public record TakeoverRequest(String action, Long targetSubscriptionId, String reason) {}

    private final TakeoverStart start;
    private final SubscriptionTakeovers takeovers;
    private final CurrentActor actor;

    public TakeoverController(TakeoverStart start, SubscriptionTakeovers takeovers, CurrentActor actor) {
        this.start = start;
        this.takeovers = takeovers;
        this.actor = actor;
    }

    /**
     * Starts the takeover in the caller's name. The domain's start rules are checked first, so a
     * refusal comes back as a problem detail (not as the engine's own authorization error) and
     * nothing is started.
     */
    @Operation(
            summary = "S4 take over a self-service subscription",
            description =
                    "Starts the takeover process; optional `{\"action\":\"move\"|\"cancel\",\"targetSubscriptionId\":n,\"reason\":\"TOO_EXPENSIVE\"}` decides up front, else in Tasklist. 409 central, Deleted or already being taken over. Global and billing admins.")
    @PostMapping
    public ResponseEntity<TakeoverJson> takeOver(
            @PathVariable long id, @RequestBody(required = false) TakeoverRequest request) {
        Takeover started = request == null
                ? start.start(actor.get(), id, null, null, null)
                : start.start(actor.get(), id, request.action(), request.targetSubscriptionId(), request.reason());
        return ResponseEntity.created(URI.create("/api/subscriptions/" + id + "/takeover"))
                .body(TakeoverJson.of(started));
    }

    /** The running takeover (else the latest) with its progress, for admins. */
    @Operation(
            summary = "The takeover of a subscription",
            description =
                    "The running (else latest) one: status, action, target, usersMoved of usersToMove, usersStayed (users whose move Microsoft 365 refused and for whom the subscription was kept), reason, who and when. Admins.")
    @GetMapping
    public TakeoverJson takeover(@PathVariable long id) {
        return TakeoverJson.of(takeovers.latest(actor.get(), id));
    }
}
