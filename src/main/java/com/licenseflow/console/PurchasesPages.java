package com.licenseflow.console;

import com.licenseflow.centralization.CentralizationStart;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.overview.InventoryViews;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.inventory.policy.SelfServicePolicyService;
import com.licenseflow.inventory.subscription.SubscriptionKind;
import com.licenseflow.selfservice.SelfServiceLicensees;
import com.licenseflow.selfservice.SelfServiceReport;
import com.licenseflow.shared.LicenseRuleViolation;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.QueryParams;
import com.licenseflow.takeover.CancellationReason;
import com.licenseflow.takeover.TakeoverStart;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * S1-S3: self-service purchases by product and by purchaser, the CSV export, the AllowSelfServicePurchase
 * value per product; taking over a subscription (S4) or centralizing a product (S5) starts their processes.
 */
@Controller
class PurchasesPages {

    private static final int PAGE_SIZE = 20;

    private final InventoryViews views;
    private final SelfServiceReport report;
    private final SelfServicePolicyService policies;
    private final ProductCatalog catalog;
    private final TakeoverStart takeovers;
    private final CentralizationStart centralizations;
    private final ConsolePages pages;

    PurchasesPages(
            InventoryViews views,
            SelfServiceReport report,
            SelfServicePolicyService policies,
            ProductCatalog catalog,
            TakeoverStart takeovers,
            CentralizationStart centralizations,
            ConsolePages pages) {
        this.views = views;
        this.report = report;
        this.policies = policies;
        this.catalog = catalog;
        this.takeovers = takeovers;
        this.centralizations = centralizations;
        this.pages = pages;
    }

    /** Without a product: the first one bought self-service. A page of purchasers at a time. */
    @GetMapping("/console/purchases")
    String purchases(
            @RequestParam(required = false) String product,
            @RequestParam(required = false) Integer page,
            HttpServletRequest request,
            Model model) {
        Viewer viewer = pages.viewer();
        List<String> bought = views.productsWith(viewer.actor(), SubscriptionKind.SELF_SERVICE);
        List<Product> products = catalog.list();
        String shown = product != null
                ? product
                : bought.stream().findFirst().orElse(products.get(0).id());
        SelfServiceReport.SelfServicePage found =
                report.page(viewer.actor(), shown, new PageRequest(page == null ? 1 : page, PAGE_SIZE));
        model.addAttribute("products", products);
        model.addAttribute("bought", bought);
        model.addAttribute("licensees", found.licensees());
        model.addAttribute("pager", Pager.of(found.purchasers(), request));
        model.addAttribute(
                "targets",
                views.subscriptionsOf(viewer.actor(), shown).stream()
                        .filter(s -> !s.isSelfService() && s.status().providesLicenses())
                        .toList());
        model.addAttribute("reasons", CancellationReason.values());
        model.addAttribute("policyValues", SelfServicePolicy.values());
        return "console/purchases";
    }

    @GetMapping(value = "/console/purchases/{productId}/users.csv", produces = "text/csv")
    ResponseEntity<String> export(@PathVariable String productId) {
        SelfServiceLicensees licensees = report.licensees(pages.viewer().actor(), productId, null);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + SelfServiceReport.csvFileName(licensees) + "\"")
                .body(SelfServiceReport.csv(licensees));
    }

    /** S3 AllowSelfServicePurchase of one product. */
    @PostMapping("/console/purchases/{productId}/policy")
    String policy(
            @PathVariable String productId,
            @RequestParam String value,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes done) {
        try {
            Product changed = policies.change(
                    ChangeContext.byUser(pages.viewer().actor(), null),
                    productId,
                    QueryParams.oneOf(SelfServicePolicy.class, value, "AllowSelfServicePurchase value"));
            done.addFlashAttribute(
                    "done",
                    "AllowSelfServicePurchase of " + changed.name() + " is now "
                            + changed.selfServicePolicy().value() + ".");
            return "redirect:/console/purchases?product=" + productId;
        } catch (LicenseRuleViolation refused) {
            return refusedOn(productId, refused, request, response, model);
        }
    }

    /**
     * S4: move its users to a central subscription, or cancel it with a reason, both decided here; or
     * "decide in Tasklist" to leave the choice to the takeover's first task.
     */
    @PostMapping("/console/purchases/subscriptions/{subscriptionId}/takeover")
    String takeOver(
            @PathVariable long subscriptionId,
            @RequestParam(defaultValue = "") String action,
            @RequestParam(required = false) Long target,
            @RequestParam(required = false) String reason,
            @RequestParam String product,
            @RequestParam(required = false) String confirmed,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            String chosen = action.isBlank() ? null : action;
            if ("cancel".equals(chosen) && !Confirmation.given(confirmed)) {
                TakeoverStart.CancellationWarning warning =
                        takeovers.warnBeforeCancelling(pages.viewer().actor(), subscriptionId, reason);
                Map<String, Object> fields = new LinkedHashMap<>();
                fields.put("action", action);
                fields.put("reason", reason);
                fields.put("product", product);
                model.addAttribute(
                        "confirmation",
                        new Confirmation(
                                "purchases",
                                warning.title(),
                                warning.losses(),
                                warning.notes(),
                                "/console/purchases/subscriptions/" + subscriptionId + "/takeover",
                                Confirmation.fields(fields),
                                "Take over and cancel",
                                "/console/purchases?product=" + product));
                return "console/confirm";
            }
            takeovers.start(
                    pages.viewer().actor(),
                    subscriptionId,
                    chosen,
                    "move".equals(chosen) ? target : null,
                    "cancel".equals(chosen) ? reason : null);
            return "redirect:/console/takeovers/" + subscriptionId;
        } catch (LicenseRuleViolation refused) {
            return refusedOn(product, refused, request, response, model);
        }
    }

    /** S5: the campaign's plan is made in Tasklist; its page shows how far it is. */
    @PostMapping("/console/purchases/{productId}/centralize")
    String centralize(
            @PathVariable String productId, HttpServletRequest request, HttpServletResponse response, Model model) {
        try {
            long id = centralizations.start(pages.viewer().actor(), productId);
            return "redirect:/console/campaigns/" + id;
        } catch (LicenseRuleViolation refused) {
            return refusedOn(productId, refused, request, response, model);
        }
    }

    private String refusedOn(
            String productId,
            LicenseRuleViolation refused,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        response.setStatus(refused.rule().refusal().httpStatus());
        model.addAttribute("error", refused.getMessage());
        return purchases(productId, null, request, model);
    }
}
