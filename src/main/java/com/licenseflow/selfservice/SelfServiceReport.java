package com.licenseflow.selfservice;

import com.licenseflow.shared.Rule;
import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.overview.Licensee;
import com.licenseflow.inventory.overview.LicenseeRows;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.subscription.SubscriptionKind;
import com.licenseflow.inventory.subscription.SubscriptionRepository;
import com.licenseflow.inventory.subscription.SubscriptionStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** S2: who holds licenses through self-service purchases of a product, grouped by purchaser. */
@Service
@Transactional(readOnly = true)
public class SelfServiceReport {

    private final ProductCatalog catalog;
    private final SubscriptionRepository subscriptions;
    private final DirectoryRepository directory;
    private final LicenseeRows licensees;
    private final AccessPolicy access;

    public SelfServiceReport(ProductCatalog catalog, SubscriptionRepository subscriptions, DirectoryRepository directory,
                             LicenseeRows licensees, AccessPolicy access) {
        this.catalog = catalog;
        this.subscriptions = subscriptions;
        this.directory = directory;
        this.licensees = licensees;
        this.access = access;
    }

    /**
     * The live (not Deleted) self-service subscriptions of {@code productId}; limited to
     * {@code onlySubscriptions} when that is not empty, as when an admin picks which ones to export.
     */
    public SelfServiceLicensees licensees(Actor actor, String productId, Collection<Long> onlySubscriptions) {
        access.requireAnyAdmin(actor, "see self-service purchases");
        Product product = catalog.require(productId);
        List<Subscription> live = subscriptions.list(SubscriptionKind.SELF_SERVICE, productId).stream()
                .filter(s -> s.status() != SubscriptionStatus.DELETED)
                .toList();
        if (onlySubscriptions != null && !onlySubscriptions.isEmpty()) {
            Set<Long> unknown = new TreeSet<>(onlySubscriptions);
            live.forEach(s -> unknown.remove(s.id()));
            if (!unknown.isEmpty()) {
                throw Rule.UNKNOWN_SUBSCRIPTION.violation("Subscriptions " + unknown + " are not live self-service "
                        + "subscriptions of " + product.name() + ". Pick from the subscriptions this view lists.");
            }
            live = live.stream().filter(s -> onlySubscriptions.contains(s.id())).toList();
        }
        Map<Long, List<Licensee>> users = licensees.bySubscription(live.stream().map(Subscription::id).toList());
        Map<String, DirectoryUser> purchasers = directory.findAll(live.stream().map(Subscription::purchaserId)
                .distinct().toList());
        Map<String, List<Subscription>> byPurchaser = new LinkedHashMap<>();
        purchasers.keySet().forEach(id -> byPurchaser.put(id, new ArrayList<>()));
        live.forEach(s -> byPurchaser.get(s.purchaserId()).add(s));
        List<PurchaserGroup> groups = new ArrayList<>();
        byPurchaser.forEach((purchaserId, owned) -> {
            List<Licensee> licensed = new ArrayList<>();
            owned.forEach(s -> licensed.addAll(users.getOrDefault(s.id(), List.of())));
            groups.add(new PurchaserGroup(purchasers.get(purchaserId), owned, licensed));
        });
        return new SelfServiceLicensees(product, live.stream().mapToInt(Subscription::quantity).sum(),
                live.stream().mapToInt(Subscription::assignedSeats).sum(), groups);
    }
}
