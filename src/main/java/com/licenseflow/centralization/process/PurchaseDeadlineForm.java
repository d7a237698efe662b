package com.licenseflow.centralization.process;

import static com.licenseflow.centralization.process.CentralizationVariables.EXTEND_BY_DAYS;
import static com.licenseflow.centralization.process.CentralizationVariables.PURCHASE_SUMMARY;

import com.licenseflow.centralization.CampaignSubscription;
import com.licenseflow.centralization.PurchaseCancellations;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.shared.Money;
import com.licenseflow.shared.Words;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.forms.FormText;
import java.time.Clock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Fills "Purchaser did not cancel": the subscription, its purchaser, the deadline, what each choice does. */
@Component("preparePurchaseDeadlineForm")
@ProcessBean
class PurchaseDeadlineForm implements TaskListener {

    /** What "Days to add to the deadline" is prefilled with. */
    static final int DEFAULT_EXTENSION_DAYS = 14;

    private final Money money;
    private final PurchaseCancellations cancellations;
    private final SubscriptionRepository subscriptions;
    private final DirectoryRepository directory;
    private final Clock clock;
    private final CentralizationStepContext steps;

    PurchaseDeadlineForm(
            Money money,
            PurchaseCancellations cancellations,
            SubscriptionRepository subscriptions,
            DirectoryRepository directory,
            Clock clock,
            CentralizationStepContext steps) {
        this.money = money;
        this.cancellations = cancellations;
        this.subscriptions = subscriptions;
        this.directory = directory;
        this.clock = clock;
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        long id = steps.centralizationId(task.getExecution());
        long subscriptionId = steps.subscriptionId(task.getExecution());
        CampaignSubscription waiting = cancellations.requireLive(id, subscriptionId);
        Subscription s = subscriptions.require(subscriptionId);
        DirectoryUser purchaser = directory.find(s.purchaserId()).orElse(null);
        task.setVariable(
                PURCHASE_SUMMARY,
                FormText.plain("The " + task.getVariable(CentralizationVariables.PRODUCT_NAME)
                        + " subscription bought self-service by "
                        + (purchaser == null
                                ? s.purchaserId()
                                : purchaser.displayName() + " <" + purchaser.email() + ">")
                        + " is still " + s.status().label() + ": " + Words.count(s.quantity(), "seat", "seats") + ", "
                        + s.assignedSeats() + " still assigned, " + money.of(s.pricePerSeat())
                        + " per seat per month. Its purchaser "
                        + "was asked on " + Words.day(LocalDate.ofInstant(waiting.askedAt(), clock.getZone()))
                        + " to cancel it by " + Words.day(LocalDate.ofInstant(waiting.deadline(), clock.getZone()))
                        + " and reminded " + Words.count(waiting.reminders(), "time", "times")
                        + ". Taking it over cancels it "
                        + (s.cancellationWindowEndsOn().isBefore(LocalDate.now(clock))
                                ? "at the end of its term on " + Words.day(s.expiresOn())
                                        + " (its cancellation window ended on "
                                        + Words.day(s.cancellationWindowEndsOn()) + ")"
                                : "at once (its cancellation window is open)")
                        + "."));
        task.setVariable(EXTEND_BY_DAYS, DEFAULT_EXTENSION_DAYS);
    }
}
