package com.licenseflow.selfservice;

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
import com.licenseflow.shared.CsvTable;
import com.licenseflow.shared.Page;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.Rule;
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

    public SelfServiceReport(
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
        return new SelfServiceLicensees(
                product,
                live.stream().mapToInt(Subscription::quantity).sum(),
                live.stream().mapToInt(Subscription::assignedSeats).sum(),
                group(live));
    }

    /** Subscriptions by purchaser, each purchaser with the users their subscriptions license. */
    private List<PurchaserGroup> group(List<Subscription> live) {
        Map<Long, List<Licensee>> users =
                licensees.bySubscription(live.stream().map(Subscription::id).toList());
        Map<String, DirectoryUser> purchasers = directory.findAll(
                live.stream().map(Subscription::purchaserId).distinct().toList());
        Map<String, List<Subscription>> byPurchaser = new LinkedHashMap<>();
        live.forEach(s -> byPurchaser
                .computeIfAbsent(s.purchaserId(), id -> new ArrayList<>())
                .add(s));
        List<PurchaserGroup> groups = new ArrayList<>();
        byPurchaser.forEach((purchaserId, owned) -> {
            List<Licensee> licensed = new ArrayList<>();
            owned.forEach(s -> licensed.addAll(users.getOrDefault(s.id(), List.of())));
            groups.add(new PurchaserGroup(purchasers.get(purchaserId), owned, licensed));
        });
        return groups;
    }

    /**
     * S2 for the console: a product's live self-service purchases a page of purchasers at a time (a
     * tenant may have thousands), with the seat totals over all of them.
     */
    public SelfServicePage page(Actor actor, String productId, PageRequest page) {
        access.requireAnyAdmin(actor, "see self-service purchases");
        Product product = catalog.require(productId);
        SubscriptionRepository.SeatTotals totals = subscriptions.liveSelfServiceTotals(productId);
        Page<String> purchasers = subscriptions.liveSelfServicePurchasers(productId, page);
        List<PurchaserGroup> groups = group(subscriptions.liveSelfService(productId, purchasers.items()));
        return new SelfServicePage(
                new SelfServiceLicensees(product, totals.quantity(), totals.assigned(), groups),
                new Page<>(groups, purchasers.page(), purchasers.size(), purchasers.total()));
    }

    /** A page of purchasers, and the product's totals over every purchase. */
    public record SelfServicePage(SelfServiceLicensees licensees, Page<PurchaserGroup> purchasers) {}

    /** S2 "export users": one row per licensed user, with their purchaser. */
    public static String csv(SelfServiceLicensees licensees) {
        CsvTable csv = new CsvTable(
                "Purchaser",
                "Purchaser email",
                "Subscription",
                "Product",
                "User",
                "User name",
                "User email",
                "Switched-off services",
                "Assigned at");
        for (PurchaserGroup group : licensees.purchasers()) {
            group.users()
                    .forEach(user -> csv.row(
                            group.purchaser().displayName(),
                            group.purchaser().email(),
                            user.subscriptionId(),
                            licensees.product().name(),
                            user.userId(),
                            user.displayName(),
                            user.email(),
                            String.join(" ", user.disabledPlans()),
                            user.assignedAt()));
        }
        return csv.render();
    }

    public static String csvFileName(SelfServiceLicensees licensees) {
        return "self-service-" + licensees.product().id() + "-users.csv";
    }
}
