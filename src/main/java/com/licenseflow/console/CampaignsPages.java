package com.licenseflow.console;

import com.licenseflow.centralization.Centralization;
import com.licenseflow.centralization.CentralizationProgress;
import com.licenseflow.centralization.Centralizations;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.overview.InventoryViews;
import com.licenseflow.inventory.overview.SubscriptionDetails;
import com.licenseflow.takeover.SubscriptionTakeovers;
import com.licenseflow.takeover.Takeover;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Takeovers and centralization campaigns: where each stands, a progress bar that follows the move or
 * the assignment while it runs (htmx asks again every second until it ends), per-purchase deadlines
 * and outcomes, and the savings.
 */
@Controller
class CampaignsPages {

    private final SubscriptionTakeovers takeovers;
    private final Centralizations centralizations;
    private final InventoryViews views;
    private final ProductCatalog catalog;
    private final Directory directory;
    private final ConsolePages pages;

    CampaignsPages(
            SubscriptionTakeovers takeovers,
            Centralizations centralizations,
            InventoryViews views,
            ProductCatalog catalog,
            Directory directory,
            ConsolePages pages) {
        this.takeovers = takeovers;
        this.centralizations = centralizations;
        this.views = views;
        this.catalog = catalog;
        this.directory = directory;
        this.pages = pages;
    }

    /** A campaign as its list and page show it. */
    record CampaignRow(Centralization campaign, String productName, CentralizationProgress progress) {}

    @GetMapping("/console/takeovers/{subscriptionId}")
    String takeover(@PathVariable long subscriptionId, HttpServletRequest request, Model model) {
        Viewer viewer = pages.viewer();
        Takeover takeover = takeovers.latest(viewer.actor(), subscriptionId);
        model.addAttribute("takeover", takeover);
        if (request.getHeader("HX-Request") != null) {
            return "console/takeover :: progress";
        }
        SubscriptionDetails subscription = views.subscription(viewer.actor(), subscriptionId);
        model.addAttribute("productName", subscription.productName());
        model.addAttribute(
                "purchaser",
                subscription.purchaser() == null
                        ? null
                        : subscription.purchaser().displayName());
        model.addAttribute(
                "startedBy",
                directory
                        .find(takeover.startedBy())
                        .map(DirectoryUser::displayName)
                        .orElse(takeover.startedBy()));
        return "console/takeover";
    }

    @GetMapping("/console/campaigns")
    String campaigns(Model model) {
        Map<String, String> names = catalog.list().stream().collect(Collectors.toMap(Product::id, Product::name));
        List<CampaignRow> rows = centralizations.list(pages.viewer().actor(), null).stream()
                .map(c -> new CampaignRow(c, names.get(c.productId()), centralizations.progress(c.id())))
                .toList();
        model.addAttribute("campaigns", rows);
        return "console/campaigns";
    }

    @GetMapping("/console/campaigns/{id}")
    String campaign(@PathVariable long id, HttpServletRequest request, Model model) {
        Centralization campaign = centralizations.get(pages.viewer().actor(), id);
        model.addAttribute(
                "row",
                new CampaignRow(campaign, catalog.require(campaign.productId()).name(), centralizations.progress(id)));
        model.addAttribute("purchases", centralizations.subscriptionsOf(id));
        Map<String, String> purchasers = directory
                .findAllKnown(centralizations.subscriptionsOf(id).stream()
                        .map(s -> s.purchaserId())
                        .distinct()
                        .toList())
                .stream()
                .collect(Collectors.toMap(DirectoryUser::id, DirectoryUser::displayName));
        model.addAttribute("purchasers", purchasers);
        return request.getHeader("HX-Request") != null ? "console/campaign :: progress" : "console/campaign";
    }
}
