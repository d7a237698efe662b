package com.licenseflow.inventory.overview;

import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.directory.UserSearch;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionKind;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.shared.Page;
import com.licenseflow.shared.PageRequest;
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

    public InventoryViews(
            ProductCatalog catalog,
            SubscriptionRepository subscriptions,
            DirectoryRepository directory,
            LicenseeRows licensees,
            AccessPolicy access) {
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
            rows.add(new ProductLicenses(
                    product,
                    owned.size(),
                    owned.stream().mapToInt(Subscription::quantity).sum(),
                    owned.stream().mapToInt(Subscription::assignedSeats).sum()));
        }
        return rows;
    }

    /** The products bought this way (live subscriptions), by id. */
    public List<String> productsWith(Actor actor, SubscriptionKind kind) {
        access.requireAnyAdmin(actor, "see subscriptions");
        return subscriptions.productsWith(kind);
    }

    /** A product's subscriptions without their users: the product page pages through those separately. */
    public List<Subscription> subscriptionsOf(Actor actor, String productId) {
        access.requireAnyAdmin(actor, "see subscriptions");
        catalog.require(productId);
        return subscriptions.list(null, productId);
    }

    /**
     * Admins see every subscription; a purchaser sees their own. With its first {@link PageRequest#MAX_SIZE}
     * users in the order they got their license; {@link #subscriptionUsers} pages through all of them.
     */
    public SubscriptionDetails subscription(Actor actor, long id) {
        Subscription subscription = requireVisible(actor, id);
        return details(List.of(subscription), false)
                .get(0)
                .withUsers(licensees
                        .ofSubscription(id, PageRequest.first(PageRequest.MAX_SIZE))
                        .items());
    }

    /** A subscription's license holders a page at a time: whom {@link #subscription} may see. */
    public Page<Licensee> subscriptionUsers(Actor actor, long id, PageRequest page) {
        requireVisible(actor, id);
        return licensees.ofSubscription(id, page);
    }

    /** S1 a page at a time, without their users (a central subscription may have tens of thousands). */
    public Page<SubscriptionDetails> subscriptions(
            Actor actor, SubscriptionKind kind, String productId, PageRequest page) {
        access.requireAnyAdmin(actor, "see subscriptions");
        Page<Subscription> found = subscriptions.page(kind, productId, page);
        return new Page<>(details(found.items(), false), found.page(), found.size(), found.total());
    }

    private Subscription requireVisible(Actor actor, long id) {
        Subscription subscription = subscriptions.require(id);
        if (!actor.userId().equals(subscription.purchaserId())) {
            access.requireAnyAdmin(actor, "see subscriptions");
        }
        return subscription;
    }

    /** A product's license holders a page at a time (the product page, {@code GET /api/licenses/{id}/users}). */
    public Page<Licensee> licensees(Actor actor, String productId, UserSearch search, PageRequest page) {
        access.requireAnyAdmin(actor, "see who holds licenses");
        catalog.require(productId);
        return licensees.ofProduct(productId, search, page);
    }

    public Product product(Actor actor, String productId) {
        access.requireAnyAdmin(actor, "see products");
        return catalog.require(productId);
    }

    /** Product names and purchasers in one round trip each; users only when asked for ({@code null} otherwise). */
    private List<SubscriptionDetails> details(List<Subscription> found, boolean withUsers) {
        Map<String, String> productNames =
                catalog.list().stream().collect(Collectors.toMap(Product::id, Product::name));
        Map<String, DirectoryUser> purchasers = directory.findAll(found.stream()
                .map(Subscription::purchaserId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        Map<Long, List<Licensee>> users = withUsers
                ? licensees.bySubscription(found.stream().map(Subscription::id).toList())
                : Map.of();
        return found.stream()
                .map(s -> new SubscriptionDetails(
                        s,
                        productNames.get(s.productId()),
                        s.purchaserId() == null ? null : purchasers.get(s.purchaserId()),
                        withUsers ? users.getOrDefault(s.id(), List.of()) : null))
                .toList();
    }
}
