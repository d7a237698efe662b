package com.licenseflow.centralization.web;

import com.licenseflow.centralization.Centralization;
import com.licenseflow.centralization.CentralizationRepository;
import com.licenseflow.centralization.CentralizationStart;
import com.licenseflow.centralization.Centralizations;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.web.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** S5: starting a centralization campaign (license-centralization.bpmn) and following its progress. */
@Tag(name = "Centralization")
@RestController
@RequestMapping("/api/centralizations")
class CentralizationController {

    /** The product's id or name. */
    public record StartRequest(String product) {}

    private final CentralizationStart start;
    private final Centralizations centralizations;
    private final CentralizationRepository repository;
    private final ProductCatalog catalog;
    private final CurrentActor actor;

    public CentralizationController(
            CentralizationStart start,
            Centralizations centralizations,
            CentralizationRepository repository,
            ProductCatalog catalog,
            CurrentActor actor) {
        this.start = start;
        this.centralizations = centralizations;
        this.repository = repository;
        this.catalog = catalog;
        this.actor = actor;
    }

    /**
     * Starts the campaign in the caller's name. The domain's start rules are checked first, so a
     * refusal comes back as a problem detail (not as the engine's own authorization error) and
     * nothing is started.
     */
    @Operation(
            summary = "S5 centralize a product",
            description =
                    "`{\"product\":\"name or id\"}` starts the campaign; the plan is made in Tasklist. 409 when nobody bought it self-service or it is already being centralized. Global and billing admins.")
    @PostMapping
    public ResponseEntity<CentralizationJson> start(@RequestBody(required = false) StartRequest request) {
        Actor caller = actor.get();
        String product = request == null ? null : request.product();
        long id = start.start(caller, product);
        return ResponseEntity.created(URI.create("/api/centralizations/" + id)).body(json(caller, id));
    }

    /** Every campaign (of one product when {@code productId} is given), newest first, with its progress. */
    @Operation(summary = "Centralization campaigns", description = "Admins.")
    @GetMapping
    public List<CentralizationJson> list(@RequestParam(required = false) String productId) {
        Actor caller = actor.get();
        return centralizations.list(caller, productId).stream()
                .map(c -> json(caller, c.id()))
                .toList();
    }

    /** The campaign with its progress: subscriptions cancelled of total, users centralized, savings. */
    @Operation(
            summary = "One centralization campaign",
            description =
                    "Status, central subscription, seats reserved and bought, users found / centralized / already central, subscriptions cancelled of total, yearly costs and savings, each purchase with deadline, reminders and outcome. Admins.")
    @GetMapping("/{id}")
    public CentralizationJson get(@PathVariable long id) {
        return json(actor.get(), id);
    }

    private CentralizationJson json(Actor caller, long id) {
        Centralization campaign = centralizations.get(caller, id);
        return CentralizationJson.of(
                campaign,
                catalog.require(campaign.productId()).name(),
                centralizations.progress(id),
                repository.subscriptions(id));
    }
}
