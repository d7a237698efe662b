package com.licenseflow.takeover;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.assignment.LicenseAssignment;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.shared.Words;
import com.licenseflow.takeover.process.TakeoverProcessLock;
import com.licenseflow.takeover.process.TakeoverVariables;
import com.licenseflow.workflow.ProcessLocks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * S4 from the API and the console alike: starts the takeover process in the caller's name. The
 * domain's start rules are checked first, so a refusal is a rule in words (not the engine's own
 * authorization error) and nothing is started.
 */
@Service
public class TakeoverStart {

    private static final int USERS_NAMED = 10;

    private final RuntimeService runtime;
    private final SubscriptionTakeovers takeovers;
    private final ProcessLocks locks;
    private final TakeoverProcessLock lock;
    private final TakeoverCancellation cancellation;

    public TakeoverStart(
            RuntimeService runtime,
            SubscriptionTakeovers takeovers,
            ProcessLocks locks,
            TakeoverProcessLock lock,
            TakeoverCancellation cancellation) {
        this.cancellation = cancellation;
        this.runtime = runtime;
        this.takeovers = takeovers;
        this.locks = locks;
        this.lock = lock;
    }

    /** {@code action} move or cancel decides up front (with the target or the reason); null: decided in Tasklist. */
    public Takeover start(Actor caller, long subscriptionId, String action, Long targetSubscriptionId, String reason) {
        locks.releaseOrphaned(lock, caller, String.valueOf(subscriptionId));
        takeovers.requireMayStart(caller, subscriptionId);
        Map<String, Object> variables = new HashMap<>();
        variables.put(TakeoverVariables.SUBSCRIPTION_ID, subscriptionId);
        variables.put(TakeoverVariables.TAKEOVER_ACTION, action);
        variables.put(TakeoverVariables.TARGET_SUBSCRIPTION_ID, targetSubscriptionId);
        variables.put(TakeoverVariables.CANCELLATION_REASON, reason);
        runtime.startProcessInstanceByKey(TakeoverProcess.KEY, variables);
        return takeovers.latest(caller, subscriptionId);
    }

    /** What a takeover that cancels a subscription takes away, for the "Are you sure?" asked before it starts. */
    public record CancellationWarning(String title, List<String> losses, List<String> notes) {}

    /**
     * S7 "Are you sure?" before {@code start} with action cancel: who loses what and when (at once within the
     * cancellation window, at the end of the term after it, A10), checked by the start's rules first: a
     * subscription that cannot be taken over, or a reason not on the list, is refused here, nothing started.
     */
    public CancellationWarning warnBeforeCancelling(Actor caller, long subscriptionId, String reason) {
        CancellationReason why = CancellationReason.parse(reason);
        TakeoverSubject subject = takeovers.subjectBeforeStart(caller, subscriptionId, USERS_NAMED);
        Subscription s = subject.subscription();
        String purchaser = subject.purchaser() == null
                ? "a former user"
                : subject.purchaser().displayName();
        String users = subject.licensedUsers() == 0
                ? "Nobody holds a license of it."
                : Words.list(named(subject))
                        + (subject.licensedUsers() == 1 ? " loses " : " lose ")
                        + subject.productName()
                        + (cancellation.withinWindow(s)
                                ? " at once."
                                : " on " + Words.day(s.expiresOn()) + ", when the subscription ends.");
        List<String> notes = new ArrayList<>();
        notes.add(
                cancellation.withinWindow(s)
                        ? "The cancellation window is open until " + Words.day(s.cancellationWindowEndsOn())
                                + ": the subscription is cancelled now and becomes Deleted."
                        : "The cancellation window ended on " + Words.day(s.cancellationWindowEndsOn())
                                + ": recurring billing is switched off and the subscription ends at the end of its term, on "
                                + Words.day(s.expiresOn()) + ".");
        if (subject.licensedUsers() > 0) {
            notes.add("Their mailbox data is kept for " + LicenseAssignment.MAILBOX_DATA_KEPT_DAYS
                    + " days after they lose the license, then deleted for good.");
        }
        notes.add("Reason: " + why.label() + ". " + purchaser + " gets an email saying so.");
        return new CancellationWarning(
                "Take over and cancel the " + subject.productName() + " subscription " + purchaser + " bought?",
                List.of(users),
                notes);
    }

    private static List<String> named(TakeoverSubject subject) {
        List<String> names = new ArrayList<>(subject.firstUsers());
        int more = subject.licensedUsers() - names.size();
        if (more > 0) {
            names.add(Words.count(more, "other user", "other users"));
        }
        return names;
    }
}
