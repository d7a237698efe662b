package com.licenseflow.selfservice.web;

import com.licenseflow.inventory.overview.InventoryViews;
import com.licenseflow.inventory.subscription.Subscription;
import com.licenseflow.inventory.web.CurrentActor;
import com.licenseflow.inventory.web.LicenseeJson;
import com.licenseflow.inventory.web.SubscriptionJson;
import com.licenseflow.inventory.web.UserJson;
import com.licenseflow.selfservice.PurchaserGroup;
import com.licenseflow.selfservice.SelfServiceLicensees;
import com.licenseflow.selfservice.SelfServicePurchaseService;
import com.licenseflow.selfservice.SelfServiceReport;
import com.licenseflow.shared.PageLinks;
import com.licenseflow.shared.PageRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Self-service purchases: a user buying (where S3 allows it), and who holds such licenses (S2). */
@Tag(name = "Self-service purchases")
@RestController
@RequestMapping("/api/self-service")
class SelfServiceController {

    public record PurchaseRequest(String productId, int quantity, List<String> assignTo, boolean trial) {}

    public record PurchaserJson(UserJson purchaser, List<Long> subscriptionIds, List<LicenseeJson> users) {
        static PurchaserJson of(PurchaserGroup g) {
            return new PurchaserJson(
                    UserJson.of(g.purchaser()),
                    g.subscriptions().stream().map(Subscription::id).toList(),
                    g.users().stream().map(LicenseeJson::of).toList());
        }
    }

    public record LicenseesJson(
            String productId,
            String productName,
            int totalQuantity,
            int assigned,
            int available,
            List<PurchaserJson> purchasers) {
        static LicenseesJson of(SelfServiceLicensees l) {
            return new LicenseesJson(
                    l.product().id(),
                    l.product().name(),
                    l.totalQuantity(),
                    l.assigned(),
                    l.available(),
                    l.purchasers().stream().map(PurchaserJson::of).toList());
        }
    }

    private final SelfServicePurchaseService purchases;
    private final SelfServiceReport report;
    private final InventoryViews views;
    private final CurrentActor actor;

    public SelfServiceController(
            SelfServicePurchaseService purchases, SelfServiceReport report, InventoryViews views, CurrentActor actor) {
        this.purchases = purchases;
        this.report = report;
        this.views = views;
        this.actor = actor;
    }

    @Operation(
            summary = "Buy licenses yourself",
            description =
                    "Where the product's AllowSelfServicePurchase (S3) allows it: `{\"productId\":\"..\",\"quantity\":n,\"assignTo\":[..],\"trial\":false}`. Members.")
    @PostMapping("/purchases")
    @ResponseStatus(HttpStatus.CREATED)
    public SubscriptionJson purchase(@RequestBody PurchaseRequest request) {
        var context = actor.change("self-service purchase");
        Subscription bought = purchases.purchase(
                context, request.productId(), request.quantity(), request.assignTo(), request.trial());
        return SubscriptionJson.of(views.subscription(context.actor(), bought.id()));
    }

    @Operation(
            summary = "S2 self-service licensees by purchaser",
            description = "The totals over every live purchase of the product, and its purchasers a page at a time "
                    + "(`page` from 1, `size` default 50 at most 500; the other pages in the `Link` header, the "
                    + "number of purchasers in `X-Total-Count`), first purchase first. With `subscriptionId` (one "
                    + "or more): only those purchases, not paged. Admins.")
    @GetMapping("/products/{productId}/licensees")
    public ResponseEntity<LicenseesJson> licensees(
            @PathVariable String productId,
            @RequestParam(name = "subscriptionId", required = false) List<Long> subscriptionIds,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        if (subscriptionIds != null && !subscriptionIds.isEmpty()) {
            return ResponseEntity.ok(LicenseesJson.of(report.licensees(actor.get(), productId, subscriptionIds)));
        }
        SelfServiceReport.SelfServicePage found = report.page(actor.get(), productId, PageRequest.of(page, size));
        return PageLinks.answer(found.purchasers(), LicenseesJson.of(found.licensees()));
    }

    /** S2 "export users": the same list as CSV, one row per licensed user. */
    @Operation(summary = "S2 self-service licensees as CSV", description = "The same as a download. Admins.")
    @GetMapping(value = "/products/{productId}/licensees.csv", produces = "text/csv")
    public ResponseEntity<String> licenseesCsv(
            @PathVariable String productId,
            @RequestParam(name = "subscriptionId", required = false) List<Long> subscriptionIds) {
        SelfServiceLicensees licensees = report.licensees(actor.get(), productId, subscriptionIds);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + SelfServiceReport.csvFileName(licensees) + "\"")
                .body(SelfServiceReport.csv(licensees));
    }
}
