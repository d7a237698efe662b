package com.licenseflow.workflow.centralization;

import static com.licenseflow.workflow.centralization.CentralizationVariables.CENTRAL_SUBSCRIPTION_ID;
import static com.licenseflow.workflow.centralization.CentralizationVariables.CENTRAL_SUBSCRIPTION_OPTIONS;
import static com.licenseflow.workflow.centralization.CentralizationVariables.PLAN_SUMMARY;
import static com.licenseflow.workflow.centralization.CentralizationVariables.SAVINGS_SUMMARY;
import static com.licenseflow.workflow.centralization.CentralizationVariables.SEATS_TO_BUY;
import static com.licenseflow.workflow.centralization.CentralizationVariables.SEAT_SUMMARY;

import com.licenseflow.domain.centralization.CampaignSubscription;
import com.licenseflow.domain.centralization.CentralOption;
import com.licenseflow.domain.centralization.CentralizationPlan;
import com.licenseflow.domain.centralization.Centralizations;
import com.licenseflow.domain.directory.DirectoryRepository;
import com.licenseflow.domain.directory.DirectoryUser;
import com.licenseflow.workflow.FormValues;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Fills "Plan centralization" when it is created: the purchases with their purchasers and users
 * (the first few: there can be hundreds), the seats needed, each central subscription with its free
 * seats and price, and the yearly cost of the purchases against the central price. The seats to buy
 * are prefilled with what the suggested subscription lacks.
 */
@Component("prepareCentralizationForm")
public class PrepareCentralizationFormListener implements TaskListener {

    static final int PURCHASES_SHOWN = 10;

    private final Centralizations centralizations;
    private final DirectoryRepository directory;

    public PrepareCentralizationFormListener(Centralizations centralizations, DirectoryRepository directory) {
        this.centralizations = centralizations;
        this.directory = directory;
    }

    @Override
    public void notify(DelegateTask task) {
        CentralizationPlan plan = centralizations.plan(CentralizationStepContext.centralizationId(task));
        List<CampaignSubscription> purchases = plan.purchases();
        Map<String, DirectoryUser> purchasers = directory.findAll(purchases.stream().map(CampaignSubscription::purchaserId)
                .distinct().toList());
        String shown = purchases.stream().limit(PURCHASES_SHOWN).map(p -> "subscription " + p.subscriptionId() + " of "
                        + name(purchasers.get(p.purchaserId()), p.purchaserId()) + " (" + p.usersFound() + " users)")
                .collect(Collectors.joining("; "));
        task.setVariable(PLAN_SUMMARY, plan.product().name() + ": " + purchases.size() + " self-service "
                + (purchases.size() == 1 ? "subscription" : "subscriptions") + " of " + purchasers.size()
                + (purchasers.size() == 1 ? " purchaser" : " purchasers") + " license " + plan.usersFound() + " users: "
                + shown + (purchases.size() > PURCHASES_SHOWN ? " and " + (purchases.size() - PURCHASES_SHOWN)
                + " more (GET /api/self-service/products/" + plan.product().id() + "/licensees lists them all)." : "."));
        task.setVariable(SEAT_SUMMARY, plan.seatsNeeded() + " users need a central seat"
                + (plan.usersFound() > plan.seatsNeeded() ? " (" + (plan.usersFound() - plan.seatsNeeded())
                + " already hold a central license and are skipped)" : "") + ". "
                + (plan.centralOptions().isEmpty() ? "There is no active central subscription of " + plan.product().name()
                + ": buy one first, then plan again, or call the campaign off."
                : "Central subscriptions: " + plan.centralOptions().stream().map(CentralOption::label)
                .collect(Collectors.joining("; ")) + "."));
        task.setVariable(SAVINGS_SUMMARY, "The self-service purchases cost " + plan.selfServiceYearlyCost()
                + " a year. " + plan.centralOptions().stream().map(o -> "On subscription " + o.subscription().id()
                        + " the same users cost " + o.yearlyCost() + " a year: savings "
                        + plan.selfServiceYearlyCost().subtract(o.yearlyCost()) + " a year.")
                .collect(Collectors.joining(" ")));
        task.setVariable(CENTRAL_SUBSCRIPTION_OPTIONS, FormValues.json(plan.centralOptions().stream()
                .map(o -> FormValues.option(o.label(), String.valueOf(o.subscription().id()))).toList()));
        CentralOption suggested = plan.suggested();
        if (suggested != null) {
            task.setVariable(CENTRAL_SUBSCRIPTION_ID, String.valueOf(suggested.subscription().id()));
            task.setVariable(SEATS_TO_BUY, Math.max(1, suggested.seatsMissing()));
        }
    }

    private static String name(DirectoryUser user, String id) {
        return user == null ? id : user.displayName() + " <" + user.email() + ">";
    }
}
