package com.licenseflow.inventory.subscription;

import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.shared.Money;
import com.licenseflow.shared.Rule;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Buying more seats on a central subscription ("buy more licenses", A5, S5). Recorded as a purchase. */
@Service
public class SeatPurchaseService {

    public static final int MAX_SEATS_PER_PURCHASE = 10_000;

    private final Money money;
    private final SubscriptionRepository subscriptions;
    private final ProductCatalog catalog;
    private final AccessPolicy access;
    private final SubscriptionWords subscriptionWords;
    private final LicenseLedger ledger;

    public SeatPurchaseService(
            Money money,
            SubscriptionRepository subscriptions,
            ProductCatalog catalog,
            AccessPolicy access,
            LicenseLedger ledger,
            SubscriptionWords subscriptionWords) {
        this.money = money;
        this.subscriptionWords = subscriptionWords;
        this.subscriptions = subscriptions;
        this.catalog = catalog;
        this.access = access;
        this.ledger = ledger;
    }

    @Transactional(propagation = Propagation.NESTED)
    public Subscription addSeats(ChangeContext context, long subscriptionId, int seats) {
        access.requireBillingManager(context.actor(), "buy licenses");
        Subscription subscription = subscriptions.require(subscriptionId);
        if (subscription.isSelfService()) {
            throw Rule.SELF_SERVICE_SUBSCRIPTION_NOT_MANAGEABLE.violation("That subscription is a self-service "
                    + "purchase; only central subscriptions can be extended by administrators. Add the seats to a "
                    + "central subscription of the product instead.");
        }
        if (!subscription.status().providesLicenses()) {
            throw Rule.SUBSCRIPTION_NOT_USABLE.violation("That subscription is "
                    + subscription.status().label() + "; seats can only be added to an active subscription.");
        }
        if (seats < 1 || seats > MAX_SEATS_PER_PURCHASE) {
            throw Rule.INVALID_INPUT.violation("Buy between 1 and " + MAX_SEATS_PER_PURCHASE + " seats at a time; "
                    + seats + " is outside that range.");
        }
        BigDecimal monthly = subscription.pricePerSeat().multiply(BigDecimal.valueOf(seats));
        ledger.addSeats(
                context,
                subscriptionId,
                subscription.productId(),
                seats,
                "Bought " + seats + " more "
                        + catalog.require(subscription.productId()).name()
                        + (seats == 1 ? " license" : " licenses") + " on " + subscriptionWords.of(subscription)
                        + " (from "
                        + subscription.quantity() + " to " + (subscription.quantity() + seats) + " seats, "
                        + money.of(monthly)
                        + " more per month)");
        return subscriptions.require(subscriptionId);
    }
}
