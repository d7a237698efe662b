package com.licenseflow.inventory.overview;

import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionKind;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What admins see of the inventory: the Licenses view (A2) and the subscriptions (S1). */
@Service
@Transactional(readOnly = true)
public class InventoryViews {

    private final ProductCatalog catalog;
    private final SubscriptionRepository subscriptions;
    private final DirectoryRepository directory;
    private final LicenseeRows licensees;
    private final AccessPolicy access;

    public InventoryViews(ProductCatalog catalog, SubscriptionRepository subscriptions, DirectoryRepository directory,
                          LicenseeRows licensees, AccessPolicy access) {
        this.catalog = catalog;
        this.subscriptions = subscriptions;
        this.directory = directory;
        this.licensees = licensees;
        this.access = access;
    }

    /**
     * A2: per product, total, assigned and available licenses summed over every subscription that
     * can hand out licenses (5 + 8 seats show as 13). {@code kind} null means both kinds.
     */
    public List<ProductLicenses> licenses(Actor actor, SubscriptionKind kind) {
        access.requireAnyAdmin(actor, "see the Licenses view");
        Map<String, List<Subscription>> byProduct = subscriptions.list(kind, null).stream()
                .filter(s -> s.status().providesLicenses())
                .collect(Collectors.groupingBy(Subscription::productId));
        List<ProductLicenses> rows = new ArrayList<>();
        for (Product product : catalog.list()) {
            List<Subscription> owned = byProduct.getOrDefault(product.id(), List.of());
            if (kind != null && owned.isEmpty()) {
                continue;
            }
            rows.add(new ProductLicenses(product, owned.size(), owned.stream().mapToInt(Subscription::quantity).sum(),
                    owned.stream().mapToInt(Subscription::assignedSeats).sum()));
        }
        return rows;
    }

    /** S1: subscriptions with purchaser, expiry, price and assigned users. */
    public List<SubscriptionDetails> subscriptions(Actor actor, SubscriptionKind kind, String productId) {
        access.requireAnyAdmin(actor, "see subscriptions");
        return details(subscriptions.list(kind, productId));
    }

    /** Admins see every subscription; a purchaser sees their own. */
    public SubscriptionDetails subscription(Actor actor, long id) {
        Subscription subscription = subscriptions.require(id);
        if (!actor.userId().equals(subscription.purchaserId())) {
            access.requireAnyAdmin(actor, "see subscriptions");
        }
        return details(List.of(subscription)).get(0);
    }

    public Product product(Actor actor, String productId) {
        access.requireAnyAdmin(actor, "see products");
        return catalog.require(productId);
    }

    private List<SubscriptionDetails> details(List<Subscription> found) {
        Map<String, String> productNames = catalog.list().stream()
                .collect(Collectors.toMap(Product::id, Product::name));
        Map<String, DirectoryUser> purchasers = directory.findAll(found.stream().map(Subscription::purchaserId)
                .filter(Objects::nonNull).distinct().toList());
        Map<Long, List<Licensee>> users = licensees.bySubscription(found.stream().map(Subscription::id).toList());
        return found.stream()
                .map(s -> new SubscriptionDetails(s, productNames.get(s.productId()),
                        s.purchaserId() == null ? null : purchasers.get(s.purchaserId()),
                        users.getOrDefault(s.id(), List.of())))
                .toList();
    }
}
