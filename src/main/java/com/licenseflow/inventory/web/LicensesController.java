package com.licenseflow.inventory.web;

import com.licenseflow.inventory.assignment.AssignLicenses;
import com.licenseflow.inventory.assignment.AssignmentMode;
import com.licenseflow.inventory.assignment.LicenseAssignment;
import com.licenseflow.inventory.assignment.LicenseAssignmentService;
import com.licenseflow.inventory.directory.UserSearch;
import com.licenseflow.inventory.overview.InventoryViews;
import com.licenseflow.inventory.overview.ProductLicenses;
import com.licenseflow.inventory.subscription.SubscriptionKind;
import com.licenseflow.shared.PageLinks;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The Licenses view (A2) and assigning / unassigning a product's licenses (A1, A4, A7). */
@Tag(name = "Licenses")
@RestController
@RequestMapping("/api/licenses")
class LicensesController {

    public record ProductLicensesJson(
            String productId, String productName, int subscriptions, int total, int assigned, int available) {
        static ProductLicensesJson of(ProductLicenses p) {
            return new ProductLicensesJson(
                    p.product().id(), p.product().name(), p.subscriptions(), p.total(), p.assigned(), p.available());
        }
    }

    public record ProductDetailJson(ProductJson product, List<SubscriptionJson> subscriptions) {}

    public record AssignRequest(
            List<String> userIds,
            Set<String> disabledServicePlans,
            AssignmentMode mode,
            Long subscriptionId,
            String reason) {}

    public record UnassignRequest(List<String> userIds, String reason) {}

    private final Clock clock;
    private final InventoryViews views;
    private final LicenseAssignmentService assignments;
    private final CurrentActor actor;

    public LicensesController(
            InventoryViews views, LicenseAssignmentService assignments, CurrentActor actor, Clock clock) {
        this.clock = clock;
        this.views = views;
        this.assignments = assignments;
        this.actor = actor;
    }

    @Operation(
            summary = "A2 the Licenses view",
            description =
                    "Per product: total, assigned and available seats summed over its subscriptions; kind=central|self-service. Admins.")
    @GetMapping
    public List<ProductLicensesJson> licenses(@RequestParam(required = false) String kind) {
        return views
                .licenses(actor.get(), QueryParams.oneOf(SubscriptionKind.class, kind, "subscription kind"))
                .stream()
                .map(ProductLicensesJson::of)
                .toList();
    }

    @Operation(
            summary = "One product",
            description = "Its service plans and subscriptions (their users: /api/licenses/{productId}/users). Admins.")
    @GetMapping("/{productId}")
    public ProductDetailJson product(@PathVariable String productId) {
        var caller = actor.get();
        return new ProductDetailJson(
                ProductJson.of(views.product(caller, productId)),
                views.subscriptions(caller, null, productId, PageRequest.first(PageRequest.MAX_SIZE)).items().stream()
                        .map(SubscriptionJson::of)
                        .toList());
    }

    @Operation(
            summary = "A product's license holders, a page at a time",
            description = "Over all its subscriptions, in name order; `q` part of a name, user name or email; `page` "
                    + "(from 1) and `size` (default 50, at most 500), the other pages in the `Link` header, the count in "
                    + "`X-Total-Count`. Admins.")
    @GetMapping("/{productId}/users")
    public ResponseEntity<List<LicenseeJson>> licensees(
            @PathVariable String productId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return PageLinks.answer(
                views.licensees(actor.get(), productId, new UserSearch(q, null, null), PageRequest.of(page, size))
                        .map(LicenseeJson::of));
    }

    @Operation(
            summary = "A1/A4 assign licenses",
            description =
                    "`{\"userIds\":[..up to 20], \"disabledServicePlans\":[..], \"mode\":\"ADD\"|\"REPLACE\", \"subscriptionId\":n?, \"reason\":\"..\"}`. Global, license and user admins; a purchaser within their own self-service subscription.")
    @PostMapping("/{productId}/assignments")
    public List<AssignmentJson> assign(@PathVariable String productId, @RequestBody AssignRequest request) {
        return assignments
                .assign(
                        actor.change(request.reason()),
                        new AssignLicenses(
                                productId,
                                request.subscriptionId(),
                                request.userIds(),
                                request.disabledServicePlans(),
                                request.mode()))
                .stream()
                .map(this::json)
                .toList();
    }

    public record AssignSeveralRequest(List<String> productIds, List<String> userIds, String reason) {}

    @Operation(
            summary = "A4 assign several products to several users at once",
            description =
                    "`{\"productIds\":[\"SPB\",\"POWER_BI_PRO\"], \"userIds\":[..up to 20], \"reason\":\"..\"}` (up to 10 "
                            + "products): each user gets a license of each product, every app and service on, from the "
                            + "product's central subscriptions; added to what they hold. All or nothing: one refusal (seats, a "
                            + "conflicting service, a missing usage location) assigns none. As assigning one product.")
    @PostMapping("/assignments")
    public List<AssignmentJson> assignSeveral(@RequestBody AssignSeveralRequest request) {
        return assignments
                .assignSeveral(actor.change(request.reason()), request.productIds(), request.userIds())
                .stream()
                .map(this::json)
                .toList();
    }

    @Operation(summary = "A7 unassign licenses", description = "`{\"userIds\":[..up to 20]}`. As assigning.")
    @PostMapping("/{productId}/unassignments")
    public List<AssignmentJson> unassign(@PathVariable String productId, @RequestBody UnassignRequest request) {
        return assignments.unassign(actor.change(request.reason()), productId, request.userIds()).stream()
                .map(this::json)
                .toList();
    }

    private AssignmentJson json(LicenseAssignment license) {
        return AssignmentJson.of(license, LocalDate.now(clock));
    }
}
