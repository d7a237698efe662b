package com.licenseflow.request;

import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.subscription.SeatPurchaseService;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionKind;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * When an approved request finds too few seats, that is not a failure: an admin buys seats, picks
 * another subscription (of the product or a substitute, R7), or leaves users out - then assignment
 * is tried again.
 */
@Service
public class SeatShortage {

    /** A central subscription that could serve the request, with the name of its product. */
    public record Option(Subscription subscription, String productName) {}

    private final ProductCatalog catalog;
    private final SubscriptionRepository subscriptions;
    private final SeatPurchaseService purchases;

    public SeatShortage(ProductCatalog catalog, SubscriptionRepository subscriptions, SeatPurchaseService purchases) {
        this.catalog = catalog;
        this.subscriptions = subscriptions;
        this.purchases = purchases;
    }

    /** Central subscriptions of the requested product and its substitutes that can give out licenses. */
    public List<Option> options(String requestedProductId) {
        List<Option> options = new ArrayList<>();
        for (Product product : catalog.servingProducts(requestedProductId)) {
            subscriptions
                    .usable(product.id(), SubscriptionKind.CENTRAL)
                    .forEach(s -> options.add(new Option(s, product.name())));
        }
        return options;
    }

    /** Buys {@code seats} more on one of the {@link #options} (recorded as a purchase). */
    @Transactional(propagation = Propagation.NESTED)
    public Subscription addSeats(ChangeContext context, String requestedProductId, long subscriptionId, int seats) {
        requireOption(requestedProductId, subscriptionId);
        return purchases.addSeats(context, subscriptionId, seats);
    }

    /** Checks that the subscription is one of the {@link #options}; returns it. */
    public Subscription chooseSubscription(String requestedProductId, long subscriptionId) {
        return requireOption(requestedProductId, subscriptionId).subscription();
    }

    /** The users kept from {@code approved}: at least one, and only ones that were approved. */
    public List<String> keep(List<String> approved, List<String> kept) {
        if (kept.isEmpty()) {
            throw Rule.INVALID_INPUT.violation("Keep at least one user; assignment is then tried again for them.");
        }
        Set<String> strangers = new TreeSet<>(kept);
        strangers.removeAll(approved);
        if (!strangers.isEmpty()) {
            throw Rule.INVALID_INPUT.violation("Only users the review approved can be kept; "
                    + Words.count(strangers.size(), "other user was", "other users were") + " given.");
        }
        return approved.stream().filter(kept::contains).toList();
    }

    private Option requireOption(String requestedProductId, long subscriptionId) {
        return options(requestedProductId).stream()
                .filter(o -> o.subscription().id() == subscriptionId)
                .findFirst()
                .orElseThrow(() -> Rule.INVALID_INPUT.violation("That subscription cannot serve this request: pick an "
                        + "active central subscription of "
                        + catalog.require(requestedProductId).name()
                        + " or of a product that can stand in for it."));
    }
}
