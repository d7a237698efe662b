package com.licenseflow.inventory.audit;

import com.licenseflow.inventory.access.Actor;

/**
 * Who makes a change, why, and (when a process makes it) in which process instance. Every
 * inventory change takes one so that the audit row can say all three.
 */
public record ChangeContext(Actor actor, String reason, String processInstanceId) {

    public static ChangeContext byUser(Actor actor, String reason) {
        return new ChangeContext(actor, reason, null);
    }

    public static ChangeContext byProcess(Actor actor, String reason, String processInstanceId) {
        return new ChangeContext(actor, reason, processInstanceId);
    }

    /** The same actor and process instance, for a change made for another reason. */
    public ChangeContext withReason(String otherReason) {
        return new ChangeContext(actor, otherReason, processInstanceId);
    }

    public String actorId() {
        return actor.userId();
    }
}
