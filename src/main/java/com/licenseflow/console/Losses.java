package com.licenseflow.console;

import com.licenseflow.inventory.assignment.LicenseAssignment;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.catalog.ServicePlan;
import com.licenseflow.shared.Words;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * What removing licenses takes from people, in the words the admin center uses before it removes them: who loses
 * which product with which apps and services, and what then happens to their data (Exchange Online mailbox kept
 * 30 days, OneDrive files kept, installed Office apps unlicensed, the seat back to pay for).
 */
@Component
class Losses {

    private final ProductCatalog catalog;
    private final Clock clock;

    Losses(ProductCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** One line per license: "Sem de Boer loses Microsoft 365 Business Standard, with Exchange Online and ...". */
    List<String> lines(List<LicenseAssignment> licenses, Map<String, String> names) {
        return licenses.stream()
                .map(license -> {
                    Product product = catalog.require(license.productId());
                    List<String> services = enabled(product, license).stream()
                            .map(ServicePlan::name)
                            .filter(name -> !name.equals(product.name()))
                            .toList();
                    return names.getOrDefault(license.userId(), license.userId()) + " loses " + product.name()
                            + (services.isEmpty() ? "" : ", with " + Words.list(services));
                })
                .toList();
    }

    /** What happens to the data of those licenses' users, only what applies to the services they had on. */
    List<String> notes(List<LicenseAssignment> licenses) {
        List<String> notes = new ArrayList<>();
        if (any(licenses, Losses::isMailbox)) {
            LocalDate until = LocalDate.now(clock).plusDays(LicenseAssignment.MAILBOX_DATA_KEPT_DAYS);
            notes.add("Their Exchange Online mailbox data is kept for " + LicenseAssignment.MAILBOX_DATA_KEPT_DAYS
                    + " days, until " + Words.day(until) + ", then deleted for good. Content under a retention "
                    + "policy or label stays for eDiscovery, but the mailbox can no longer be searched with "
                    + "Content search or eDiscovery.");
        }
        if (any(
                licenses,
                plan -> plan.id().startsWith("SHAREPOINT") && !plan.id().equals("SHAREPOINTWAC"))) {
            notes.add("Their files in OneDrive stay: only deleting the user deletes them.");
        }
        if (any(
                licenses,
                plan -> plan.id().equals("OFFICE_BUSINESS") || plan.id().equals("OFFICESUBSCRIPTION"))) {
            notes.add("Microsoft 365 apps still installed on their devices will say \"Unlicensed Product\" and stop "
                    + "editing documents.");
        }
        if (!licenses.isEmpty()) {
            notes.add("The seats go back to their subscriptions. If nobody else needs them, remove the seats from "
                    + "the subscription so you do not pay for licenses you do not use.");
        }
        return notes;
    }

    private static boolean isMailbox(ServicePlan plan) {
        return plan.id().startsWith("EXCHANGE_S_") && !plan.id().equals("EXCHANGE_S_FOUNDATION");
    }

    private boolean any(List<LicenseAssignment> licenses, Predicate<ServicePlan> kind) {
        return licenses.stream()
                .anyMatch(license -> enabled(catalog.require(license.productId()), license).stream()
                        .anyMatch(kind));
    }

    private static List<ServicePlan> enabled(Product product, LicenseAssignment license) {
        return product.servicePlans().stream()
                .filter(plan -> !license.disabledPlans().contains(plan.id()))
                .toList();
    }
}
