package com.licenseflow.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.MicrosoftCatalogImport;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.catalog.ServicePlan;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.inventory.subscription.SubscriptionStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * The tenant's products as Microsoft Graph lists them (subscribedSkus) compared with the inventory: a product
 * the inventory lacks is added under Microsoft's display name (the imported catalog's, else its part number),
 * plans it lacks are added, and the tenant's seats and status become those of the tenant's subscription of the
 * product. Every difference passes through the ledger and is in the audit trail as changed outside LicenseFlow.
 */
@Service
class TenantProducts {

    /** Who the audit trail names for what the tenant changed. */
    static final Actor TENANT =
            Actor.system("microsoft-365-tenant", "Microsoft 365 (the tenant)", AdminRole.GLOBAL_ADMIN);

    static final String SKUS =
            "/subscribedSkus?$select=skuId,skuPartNumber,capabilityStatus,consumedUnits,prepaidUnits," + "servicePlans";

    record Read(int products, int added, int seatChanges) {}

    private final GraphClient graph;
    private final ProductCatalog catalog;
    private final MicrosoftCatalogImport microsoftCatalog;
    private final LicenseLedger ledger;

    TenantProducts(
            GraphClient graph, ProductCatalog catalog, MicrosoftCatalogImport microsoftCatalog, LicenseLedger ledger) {
        this.graph = graph;
        this.catalog = catalog;
        this.microsoftCatalog = microsoftCatalog;
        this.ledger = ledger;
    }

    Read read(String processInstanceId) {
        ChangeContext context = ChangeContext.byProcess(TENANT, "Changed outside LicenseFlow", processInstanceId);
        int products = 0;
        int added = 0;
        int seatChanges = 0;
        JsonNode skus = graph.get(SKUS).path("value");
        for (JsonNode sku : skus) {
            String skuId = sku.path("skuId").asText().toLowerCase(Locale.ROOT);
            String partNumber = sku.path("skuPartNumber").asText();
            if (skuId.isBlank() || partNumber.isBlank()) {
                continue;
            }
            List<ServicePlan> plans = plans(sku);
            Product product = catalog.findBySkuId(skuId).orElse(null);
            if (product == null) {
                product = catalog.find(partNumber).orElse(null);
                if (product != null) {
                    catalog.changeSkuId(product.id(), skuId);
                }
            }
            if (product == null) {
                ledger.addProductFromTenant(
                        context,
                        new Product(
                                partNumber,
                                uniqueName(skuId, partNumber),
                                BigDecimal.ZERO.setScale(2),
                                SelfServicePolicy.DISABLED,
                                plans,
                                skuId));
                added++;
            } else {
                for (ServicePlan plan : plans) {
                    if (product.servicePlans().stream()
                            .noneMatch(p ->
                                    plan.guid().equals(p.guid()) || plan.id().equals(p.id()))) {
                        catalog.addPlan(product.id(), plan);
                    }
                }
            }
            product = catalog.require(product == null ? partNumber : product.id());
            JsonNode prepaid = sku.path("prepaidUnits");
            boolean changed = ledger.tenantSeats(
                    context,
                    product,
                    skuId,
                    prepaid.path("enabled").asInt() + prepaid.path("warning").asInt(),
                    status(sku.path("capabilityStatus").asText()));
            seatChanges += changed ? 1 : 0;
            products++;
        }
        return new Read(products, added, seatChanges);
    }

    /** The plans a user's license can switch on or off (Graph also lists the company-wide ones). */
    private List<ServicePlan> plans(JsonNode sku) {
        List<ServicePlan> plans = new ArrayList<>();
        for (JsonNode plan : sku.path("servicePlans")) {
            if (!"User".equalsIgnoreCase(plan.path("appliesTo").asText("User"))) {
                continue;
            }
            String guid = plan.path("servicePlanId").asText().toLowerCase(Locale.ROOT);
            String name = plan.path("servicePlanName").asText();
            plans.add(
                    new ServicePlan(name, microsoftCatalog.planDisplayName(guid).orElse(name), guid));
        }
        return plans;
    }

    private String uniqueName(String skuId, String partNumber) {
        String name = microsoftCatalog.displayName(skuId).orElse(partNumber);
        return catalog.nameTaken(name) ? name + " (" + partNumber + ")" : name;
    }

    /** capabilityStatus as the admin center shows a subscription's status. */
    static SubscriptionStatus status(String capabilityStatus) {
        return switch (capabilityStatus) {
            case "Warning" -> SubscriptionStatus.EXPIRED;
            case "Suspended", "LockedOut" -> SubscriptionStatus.DISABLED;
            case "Deleted" -> SubscriptionStatus.DELETED;
            default -> SubscriptionStatus.ACTIVE;
        };
    }
}
