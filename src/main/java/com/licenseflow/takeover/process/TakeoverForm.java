package com.licenseflow.takeover.process;

import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.shared.Money;
import com.licenseflow.shared.Words;
import com.licenseflow.takeover.SubscriptionTakeovers;
import com.licenseflow.takeover.TakeoverCancellation;
import com.licenseflow.takeover.TakeoverMove;
import com.licenseflow.takeover.TakeoverSubject;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.forms.FormText;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the takeover forms show, computed when Tasklist opens them (the {@code camunda:formData}
 * default values of the takeover's tasks, type {@code shown}: never stored): the subscription with
 * its purchaser, a count and the first few of its users (not all: there can be thousands), the
 * subscriptions users can move to with their free seats right now, and what cancelling would do
 * today (A10).
 */
@Component("takeoverForm")
@ProcessBean
public class TakeoverForm {

    static final int USERS_SHOWN = 10;

    private final Money money;
    private final SubscriptionTakeovers takeovers;
    private final TakeoverMove move;
    private final TakeoverCancellation cancellation;
    private final TakeoverStepContext steps;

    public TakeoverForm(
            Money money,
            SubscriptionTakeovers takeovers,
            TakeoverMove move,
            TakeoverCancellation cancellation,
            TakeoverStepContext steps) {
        this.money = money;
        this.steps = steps;
        this.takeovers = takeovers;
        this.move = move;
        this.cancellation = cancellation;
    }

    /** "Choose the subscription to take over": every self-service subscription that can be, by its names. */
    public List<Map<String, String>> subscriptionOptions(DelegateExecution execution) {
        return takeovers.candidates().stream()
                .map(c -> FormValues.option(
                        c.label(), String.valueOf(c.subscription().id())))
                .toList();
    }

    public String summary(DelegateExecution execution) {
        TakeoverSubject subject = takeovers.subject(steps.takeoverId(execution), USERS_SHOWN);
        Subscription s = subject.subscription();
        return FormText.plain(subject.productName() + ", bought self-service"
                + (subject.purchaser() == null
                        ? ""
                        : " by " + subject.purchaser().displayName() + " <"
                                + subject.purchaser().email() + ">")
                + " on " + Words.day(s.termStart()) + ": "
                + Words.count(s.quantity(), "seat", "seats") + ", " + s.assignedSeats() + " assigned, "
                + money.of(s.pricePerSeat()) + " per seat per month, " + (s.recurringBilling() ? "renews" : "ends")
                + " on "
                + Words.day(s.expiresOn()) + ". " + s.status().label() + ".");
    }

    public String licensedUsers(DelegateExecution execution) {
        return FormText.plain(usersText(takeovers.subject(steps.takeoverId(execution), USERS_SHOWN)));
    }

    public List<Map<String, String>> targetOptions(DelegateExecution execution) {
        return move.targets(steps.takeoverId(execution)).stream()
                .map(t -> FormValues.option(
                        t.label(), String.valueOf(t.subscription().id())))
                .toList();
    }

    public String cancellationSummary(DelegateExecution execution) {
        TakeoverSubject subject = takeovers.subject(steps.takeoverId(execution), USERS_SHOWN);
        Subscription s = subject.subscription();
        return FormText.plain(
                cancellation.withinWindow(s)
                        ? "The cancellation window is open until " + Words.day(s.cancellationWindowEndsOn())
                                + ": cancelling now removes the "
                                + "licenses of all " + subject.licensedUsers()
                                + " users at once (their mailbox data is kept 30 days) "
                                + "and the subscription becomes Deleted."
                        : "The cancellation window ended on " + Words.day(s.cancellationWindowEndsOn())
                                + ": cancelling switches recurring "
                                + "billing off, and the subscription ends at the end of its term on "
                                + Words.day(s.expiresOn()) + ", when its "
                                + subject.licensedUsers() + " users lose access.");
    }

    private static String usersText(TakeoverSubject subject) {
        if (subject.licensedUsers() == 0) {
            return "Nobody holds a license of this subscription.";
        }
        String shown = String.join(", ", subject.firstUsers());
        int more = subject.licensedUsers() - subject.firstUsers().size();
        return subject.licensedUsers()
                + (subject.licensedUsers() == 1 ? " licensed user: " : " licensed users: ")
                + shown
                + (more > 0 ? " and " + more + " more." : ".");
    }
}
