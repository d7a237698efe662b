package com.licenseflow.lifecycle.process;

import com.licenseflow.lifecycle.LifecycleSettings;
import com.licenseflow.lifecycle.SubscriptionRenewals;
import com.licenseflow.shared.Money;
import com.licenseflow.shared.Words;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What renewal-watch.bpmn and subscription-renewal.bpmn ask: how often to look, when the next alert
 * and the end day are, and the "Decide renewal" form's summary and choices (computed when Tasklist
 * opens it, never stored).
 */
@Component("renewalReview")
@ProcessBean
public class RenewalReview {

    private final Money money;
    private final SubscriptionRenewals renewals;
    private final Duration every;

    public RenewalReview(Money money, SubscriptionRenewals renewals, LifecycleSettings settings) {
        this.money = money;
        this.renewals = renewals;
        this.every = settings.renewal().checkEvery();
    }

    /** ISO 8601 repeating interval of "Watch renewals". */
    public String getCheckCycle() {
        return "R/" + every;
    }

    public boolean moreAlerts(DelegateExecution execution) {
        return renewals.nextAlertAt(execution.getProcessInstanceId()).isPresent();
    }

    public Date nextAlertAt(DelegateExecution execution) {
        return Date.from(renewals.nextAlertAt(execution.getProcessInstanceId()).orElseThrow());
    }

    public Date termEndsAt(DelegateExecution execution) {
        return Date.from(renewals.termEndsAt(execution.getProcessInstanceId()));
    }

    public String summary(DelegateExecution execution) {
        SubscriptionRenewals.Review r = renewals.review(execution.getProcessInstanceId());
        return (r.trial() ? "The " + r.productName() + " trial" : "The " + r.productName() + " subscription")
                + " ends on " + Words.day(r.subscription().expiresOn()) + " (in "
                + Words.count(r.daysLeft(), "day", "days")
                + "): " + r.seatsUsed() + ", " + money.of(r.subscription().pricePerSeat())
                + " per seat per month. Suggested for the "
                + "next term: " + Words.count(r.suggestedSeats(), "seat", "seats")
                + " (those in use and a tenth more). "
                + (r.trial()
                        ? "Undecided, the trial ends on its day and its users lose their licenses."
                        : r.subscription().recurringBilling()
                                ? "Undecided, it renews with its seats as they are."
                                : "Recurring billing is off: undecided, it ends on its day and its users lose their licenses.");
    }

    public List<Map<String, String>> options(DelegateExecution execution) {
        return renewals.options(execution.getProcessInstanceId()).stream()
                .map(d -> FormValues.option(label(d), d.name()))
                .toList();
    }

    public long suggestedSeats(DelegateExecution execution) {
        return renewals.review(execution.getProcessInstanceId()).suggestedSeats();
    }

    private static String label(SubscriptionRenewals.Decision decision) {
        return switch (decision) {
            case RENEW -> "Renew with the same seats";
            case REDUCE -> "Renew with fewer seats";
            case LET_END -> "Let it end: recurring billing off now, its users lose their licenses on the end day";
            case BUY -> "Buy it: a paid subscription with the seats below";
        };
    }
}
