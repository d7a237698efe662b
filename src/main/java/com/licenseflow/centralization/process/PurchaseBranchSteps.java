package com.licenseflow.centralization.process;

import static com.licenseflow.centralization.process.CentralizationVariables.CANCEL_DEADLINE;
import static com.licenseflow.centralization.process.CentralizationVariables.DEADLINE_DECISION;
import static com.licenseflow.centralization.process.CentralizationVariables.EXTEND;
import static com.licenseflow.centralization.process.CentralizationVariables.EXTEND_BY_DAYS;
import static com.licenseflow.centralization.process.CentralizationVariables.PURCHASE_SUMMARY;
import static com.licenseflow.centralization.process.CentralizationVariables.SUBSCRIPTION_DELETED;
import static com.licenseflow.centralization.process.CentralizationVariables.TAKEN_OVER;
import static com.licenseflow.centralization.process.CentralizationVariables.TAKE_OVER;

import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.centralization.CampaignSubscription;
import com.licenseflow.centralization.Centralizations;
import com.licenseflow.centralization.PurchaseCancellations;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.forms.FormText;
import com.licenseflow.workflow.ProcessBean;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The steps of one purchase's branch after the purchaser was asked: the check at the deadline, the
 * admin's decision there (extend, or take the subscription over and cancel it), and the branch's
 * end once the subscription is Deleted. Every variable they write is local to the branch.
 */
@Configuration
public class PurchaseBranchSteps {

    /** What "Days to add to the deadline" is prefilled with. */
    static final int DEFAULT_EXTENSION_DAYS = 14;

    /** At the deadline: is the subscription Deleted by now (a cancellation whose message came too early)? */
    @Bean
    @ProcessBean
    public JavaDelegate checkCancellationAtDeadline(PurchaseCancellations cancellations, CentralizationStepContext steps) {
        return execution -> execution.setVariable(SUBSCRIPTION_DELETED, cancellations.isDeleted(
                steps.subscriptionId(execution)));
    }

    /** Fills "Purchaser did not cancel": the subscription, its purchaser, the deadline, what each choice does. */
    @Bean
    @ProcessBean
    public TaskListener preparePurchaseDeadlineForm(PurchaseCancellations cancellations, SubscriptionRepository subscriptions,
                                                    DirectoryRepository directory, Clock clock,
                                                    CentralizationStepContext steps) {
        return (DelegateTask task) -> {
            long id = steps.centralizationId(task.getExecution());
            long subscriptionId = steps.subscriptionId(task.getExecution());
            CampaignSubscription waiting = cancellations.requireLive(id, subscriptionId);
            Subscription s = subscriptions.require(subscriptionId);
            DirectoryUser purchaser = directory.find(s.purchaserId()).orElse(null);
            task.setVariable(PURCHASE_SUMMARY, FormText.plain("The " + task.getVariable(CentralizationVariables
                    .PRODUCT_NAME) + " subscription bought self-service by "
                    + (purchaser == null ? s.purchaserId() : purchaser.displayName() + " <" + purchaser.email() + ">")
                    + " is still " + s.status().label() + ": " + Words.count(s.quantity(), "seat", "seats") + ", "
                    + s.assignedSeats() + " still assigned, " + s.pricePerSeat() + " per seat per month. Its purchaser "
                    + "was asked on " + Words.day(LocalDate.ofInstant(waiting.askedAt(), clock.getZone()))
                    + " to cancel it by " + Words.day(LocalDate.ofInstant(waiting.deadline(), clock.getZone()))
                    + " and reminded " + Words.count(waiting.reminders(), "time", "times") + ". Taking it over cancels it " + (s.cancellationWindowEndsOn().isBefore(LocalDate.now(clock))
                    ? "at the end of its term on " + Words.day(s.expiresOn()) + " (its cancellation window ended on "
                    + Words.day(s.cancellationWindowEndsOn()) + ")" : "at once (its cancellation window is open)") + "."));
            task.setVariable(EXTEND_BY_DAYS, DEFAULT_EXTENSION_DAYS);
        };
    }

    /**
     * Checks and applies the decision in the task's transaction: extend the deadline (the branch
     * waits again) or take over (the call activity follows). A refusal keeps the task open.
     */
    @Bean
    @ProcessBean
    public JavaDelegate recordDeadlineDecision(PurchaseCancellations cancellations, CentralizationStepContext steps) {
        return execution -> {
            long id = steps.centralizationId(execution);
            long subscriptionId = steps.subscriptionId(execution);
            ChangeContext decided = steps.decided(execution, "deadline to cancel extended",
                    CentralizationVariables.ACTIVITY_PURCHASER_DID_NOT_CANCEL);
            String decision = FormValues.string(execution, DEADLINE_DECISION);
            if (EXTEND.equals(decision)) {
                Long days = FormValues.optionalLong(execution, EXTEND_BY_DAYS, "the days to add to the deadline");
                CampaignSubscription extended = cancellations.extendDeadline(decided, id, subscriptionId, days == null ? 0 : days);
                execution.setVariable(CANCEL_DEADLINE, Date.from(extended.deadline()));
            } else if (TAKE_OVER.equals(decision)) {
                cancellations.requireLive(id, subscriptionId);
                execution.setVariable(TAKEN_OVER, true);
            } else {
                throw Rule.INVALID_INPUT.violation("Choose: give the purchaser more time, or take the subscription "
                        + "over and cancel it.");
            }
        };
    }

    /** The subscription is Deleted: the branch records how and the campaign's counts move (a job, one at a time). */
    @Bean
    @ProcessBean
    public JavaDelegate recordSubscriptionCancelled(PurchaseCancellations cancellations, Centralizations centralizations,
                                                    CentralizationStepContext steps) {
        return execution -> {
            long id = steps.centralizationId(execution);
            cancellations.finished(id, steps.subscriptionId(execution),
                    FormValues.bool(execution, TAKEN_OVER));
            CentralizationProgressVariables.show(execution, centralizations.progress(id));
        };
    }
}
