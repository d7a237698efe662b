package com.licenseflow.takeover.web;

import com.licenseflow.workflow.ProcessLocks;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.takeover.SubscriptionTakeovers;
import com.licenseflow.takeover.process.TakeoverProcessLock;
import com.licenseflow.takeover.process.TakeoverVariables;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import com.licenseflow.inventory.web.CurrentActor;
import com.licenseflow.takeover.TakeoverProcess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** S4: taking over a self-service subscription (starts subscription-takeover.bpmn) and following it. */
@Tag(name = "Takeover")
@RestController
@RequestMapping("/api/subscriptions/{id}/takeover")
class TakeoverController {

    /** All optional: without them the admin decides in Tasklist. */
    public record TakeoverRequest(String action, Long targetSubscriptionId, String reason) {
    }

    private final RuntimeService runtime;
    private final SubscriptionTakeovers takeovers;
    private final ProcessLocks locks;
    private final TakeoverProcessLock lock;
    private final CurrentActor actor;

    public TakeoverController(RuntimeService runtime, SubscriptionTakeovers takeovers, ProcessLocks locks, TakeoverProcessLock lock,
                              CurrentActor actor) {
        this.runtime = runtime;
        this.takeovers = takeovers;
        this.locks = locks;
        this.lock = lock;
        this.actor = actor;
    }

    /**
     * Starts the takeover in the caller's name. The domain's start rules are checked first, so a
     * refusal comes back as a problem detail (not as the engine's own authorization error) and
     * nothing is started.
     */
    @Operation(summary = "S4 take over a self-service subscription",
            description = "Starts the takeover process; optional `{\"action\":\"move\"|\"cancel\",\"targetSubscriptionId\":n,\"reason\":\"TOO_EXPENSIVE\"}` decides up front, else in Tasklist. 409 central, Deleted or already being taken over. Global and billing admins.")
    @PostMapping
    public ResponseEntity<TakeoverJson> takeOver(@PathVariable long id, @RequestBody(required = false) TakeoverRequest request) {
        Actor caller = actor.get();
        locks.releaseOrphaned(lock, caller, String.valueOf(id));
        takeovers.requireMayStart(caller, id);
        Map<String, Object> variables = new HashMap<>();
        variables.put(TakeoverVariables.SUBSCRIPTION_ID, id);
        if (request != null) {
            variables.put(TakeoverVariables.TAKEOVER_ACTION, request.action());
            variables.put(TakeoverVariables.TARGET_SUBSCRIPTION_ID, request.targetSubscriptionId());
            variables.put(TakeoverVariables.CANCELLATION_REASON, request.reason());
        }
        runtime.startProcessInstanceByKey(TakeoverProcess.KEY, variables);
        return ResponseEntity.created(URI.create("/api/subscriptions/" + id + "/takeover"))
                .body(TakeoverJson.of(takeovers.latest(caller, id)));
    }

    /** The running takeover (else the latest) with its progress, for admins. */
    @Operation(summary = "The takeover of a subscription",
            description = "The running (else latest) one: status, action, target, usersMoved of usersToMove, reason, who and when. Admins.")
    @GetMapping
    public TakeoverJson takeover(@PathVariable long id) {
        return TakeoverJson.of(takeovers.latest(actor.get(), id));
    }
}
