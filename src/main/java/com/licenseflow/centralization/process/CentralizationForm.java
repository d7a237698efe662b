package com.licenseflow.centralization.process;

import com.licenseflow.centralization.CampaignSubscription;
import com.licenseflow.centralization.CentralOption;
import com.licenseflow.centralization.CentralizationPlan;
import com.licenseflow.centralization.Centralizations;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.shared.Money;
import com.licenseflow.shared.Words;
import com.licenseflow.workflow.FormValues;
import com.licenseflow.workflow.ProcessBean;
import com.licenseflow.workflow.forms.FormText;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What "Plan centralization" shows, computed when Tasklist opens it (the task's
 * {@code camunda:formData} default values): the purchases found (the first few of them), the seats
 * needed and the central subscriptions with their free seats right now, the yearly cost of the
 * self-service purchases against the central price (the campaign's savings), and a suggestion of
 * where to take the seats from and how many to buy.
 */
@Component("centralizationForm")
@ProcessBean
public class CentralizationForm {

    static final int PURCHASES_SHOWN = 10;

    private final Money money;
    private final Centralizations centralizations;
    private final DirectoryRepository directory;

    private final CentralizationStepContext steps;

    public CentralizationForm(
            Money money,
            Centralizations centralizations,
            DirectoryRepository directory,
            CentralizationStepContext steps) {
        this.money = money;
        this.steps = steps;
        this.centralizations = centralizations;
        this.directory = directory;
    }

    public String planSummary(DelegateExecution execution) {
        CentralizationPlan plan = centralizations.plan(steps.centralizationId(execution));
        List<CampaignSubscription> purchases = plan.purchases();
        Map<String, DirectoryUser> purchasers = directory.findAll(purchases.stream()
                .map(CampaignSubscription::purchaserId)
                .distinct()
                .toList());
        String shown = purchases.stream()
                .limit(PURCHASES_SHOWN)
                .map(p -> "bought by "
                        + name(purchasers.get(p.purchaserId()), p.purchaserId()) + " ("
                        + Words.count(p.usersFound(), "user", "users") + ")")
                .collect(Collectors.joining("; "));
        return FormText.plain(plan.product().name() + ": "
                + Words.count(purchases.size(), "self-service subscription", "self-service subscriptions") + " of "
                + Words.count(purchasers.size(), "purchaser", "purchasers")
                + (plan.usersFound() == 1 ? " licenses " : " license ")
                + Words.count(plan.usersFound(), "user", "users")
                + ": "
                + shown
                + (purchases.size() > PURCHASES_SHOWN
                        ? " and "
                                + Words.count(
                                        purchases.size() - PURCHASES_SHOWN, "more subscription", "more subscriptions")
                                + "."
                        : "."));
    }

    public String seatSummary(DelegateExecution execution) {
        CentralizationPlan plan = centralizations.plan(steps.centralizationId(execution));
        return FormText.plain(Words.count(plan.seatsNeeded(), "user needs", "users need") + " a central seat"
                + (plan.usersFound() > plan.seatsNeeded()
                        ? " ("
                                + Words.count(
                                        plan.usersFound() - plan.seatsNeeded(),
                                        "already holds a central license and is",
                                        "already hold a central license and are")
                                + " skipped)"
                        : "")
                + ". "
                + (plan.centralOptions().isEmpty()
                        ? "There is no active central subscription of "
                                + plan.product().name() + ": buy one first, then plan again, or call the campaign off."
                        : "Central subscriptions: "
                                + plan.centralOptions().stream()
                                        .map(o -> o.label(money))
                                        .collect(Collectors.joining("; "))
                                + "."));
    }

    public String savingsSummary(DelegateExecution execution) {
        CentralizationPlan plan = centralizations.plan(steps.centralizationId(execution));
        return FormText.plain("The self-service purchases cost " + money.of(plan.selfServiceYearlyCost()) + " a year. "
                + plan.centralOptions().stream()
                        .map(o -> "On the central subscription that "
                                + (o.subscription().recurringBilling() ? "renews" : "ends") + " on "
                                + Words.day(o.subscription().expiresOn()) + " the same users cost "
                                + money.of(o.yearlyCost())
                                + " a year: savings "
                                + money.of(plan.selfServiceYearlyCost().subtract(o.yearlyCost())) + " a year.")
                        .collect(Collectors.joining(" ")));
    }

    public List<Map<String, String>> centralOptions(DelegateExecution execution) {
        return centralizations.plan(steps.centralizationId(execution)).centralOptions().stream()
                .map(o -> FormValues.option(
                        o.label(money), String.valueOf(o.subscription().id())))
                .toList();
    }

    /** The central subscription to suggest, or null when there is none. */
    public String suggestedSubscription(DelegateExecution execution) {
        CentralOption suggested =
                centralizations.plan(steps.centralizationId(execution)).suggested();
        return suggested == null
                ? null
                : String.valueOf(suggested.subscription().id());
    }

    /** How many seats the suggested subscription lacks (at least 1, the smallest purchase), or null. */
    public Long seatsToBuy(DelegateExecution execution) {
        CentralOption suggested =
                centralizations.plan(steps.centralizationId(execution)).suggested();
        return suggested == null ? null : (long) Math.max(1, suggested.seatsMissing());
    }

    private static String name(DirectoryUser user, String id) {
        return user == null ? id : user.displayName() + " <" + user.email() + ">";
    }
}
