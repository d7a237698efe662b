package com.licenseflow.console;

import com.licenseflow.inventory.assignment.LicenseAssignmentService;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.request.LicenseRequest;
import com.licenseflow.request.LicenseRequestList;
import com.licenseflow.request.LicenseRequestStart;
import com.licenseflow.selfservice.SelfServicePurchaseService;
import com.licenseflow.shared.LicenseRuleViolation;
import com.licenseflow.shared.PageRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * For everyone: "My licenses" with the requests still waiting, and "Request a license" with a product
 * picker (products that can be bought self-service are offered as a purchase instead) and a colleague
 * picker from the directory. It starts the same license-request process as the API.
 */
@Controller
class MyLicensesPages {

    private final LicenseAssignmentService assignments;
    private final LicenseRequestList requests;
    private final LicenseRequestStart start;
    private final SelfServicePurchaseService purchases;
    private final ProductCatalog catalog;
    private final Directory directory;
    private final ConsolePages pages;

    MyLicensesPages(
            LicenseAssignmentService assignments,
            LicenseRequestList requests,
            LicenseRequestStart start,
            SelfServicePurchaseService purchases,
            ProductCatalog catalog,
            Directory directory,
            ConsolePages pages) {
        this.assignments = assignments;
        this.requests = requests;
        this.start = start;
        this.purchases = purchases;
        this.catalog = catalog;
        this.directory = directory;
        this.pages = pages;
    }

    @GetMapping("/console/my-licenses")
    String mine(Model model) {
        Viewer viewer = pages.viewer();
        Map<String, Product> products =
                catalog.list().stream().collect(Collectors.toMap(Product::id, Function.identity()));
        model.addAttribute(
                "licenses",
                assignments.licensesOf(viewer.actor(), viewer.userId()).stream()
                        .filter(a -> a.isActive())
                        .map(a -> new UsersPages.LicenseRow(
                                a,
                                products.get(a.productId()),
                                LicenseAssignmentService.planStates(products.get(a.productId()), a.disabledPlans())))
                        .sorted(Comparator.comparing(row -> row.product().name()))
                        .toList());
        model.addAttribute(
                "pending",
                requests.pendingFor(viewer.actor(), PageRequest.first(PageRequest.MAX_SIZE))
                        .items());
        return "console/my-licenses";
    }

    @GetMapping("/console/request-license")
    String form(@RequestParam(required = false) String product, Model model) {
        List<Product> all = catalog.list();
        model.addAttribute(
                "requestable",
                all.stream()
                        .filter(p -> p.selfServicePolicy() != SelfServicePolicy.ENABLED)
                        .toList());
        model.addAttribute(
                "buyable",
                all.stream()
                        .filter(p -> p.selfServicePolicy() == SelfServicePolicy.ENABLED)
                        .toList());
        if (!model.containsAttribute("chosen")) {
            model.addAttribute("chosen", product);
            model.addAttribute("colleagues", List.of());
        }
        return "console/request-license";
    }

    @PostMapping("/console/request-license")
    String request(
            @RequestParam(defaultValue = "") String product,
            @RequestParam(required = false) List<String> colleagues,
            @RequestParam(required = false) String justification,
            @RequestParam(required = false) String endsOn,
            HttpServletResponse response,
            Model model,
            RedirectAttributes done) {
        List<String> named = colleagues == null ? List.of() : colleagues;
        try {
            LicenseRequest sent = start.start(product, named, justification, endsOn);
            done.addFlashAttribute(
                    "done",
                    "Your request for " + sent.productName() + " was sent. It is pending "
                            + "until it is decided; you will get an email.");
            return "redirect:/console/my-licenses";
        } catch (LicenseRuleViolation refused) {
            response.setStatus(refused.rule().refusal().httpStatus());
            model.addAttribute("requestError", refused.getMessage());
            model.addAttribute("chosen", product);
            model.addAttribute("colleagues", directory.findAllKnown(named));
            model.addAttribute("justification", justification);
            model.addAttribute("endsOn", endsOn);
            return form(product, model);
        }
    }

    /** S1: a self-service purchase, for the buyer alone or for colleagues too. */
    @PostMapping("/console/purchase")
    String purchase(
            @RequestParam(defaultValue = "") String product,
            @RequestParam(defaultValue = "1") int seats,
            @RequestParam(required = false) List<String> colleagues,
            HttpServletResponse response,
            Model model,
            RedirectAttributes done) {
        Viewer viewer = pages.viewer();
        List<String> assignTo = new ArrayList<>();
        assignTo.add(viewer.userId());
        if (colleagues != null) {
            colleagues.stream().filter(c -> !c.equals(viewer.userId())).forEach(assignTo::add);
        }
        try {
            Product bought = catalog.require(product);
            purchases.purchase(ChangeContext.byUser(viewer.actor(), null), bought.id(), seats, assignTo, false);
            done.addFlashAttribute(
                    "done",
                    "You bought " + seats + (seats == 1 ? " license" : " licenses") + " of " + bought.name() + ".");
            return "redirect:/console/my-licenses";
        } catch (LicenseRuleViolation refused) {
            response.setStatus(refused.rule().refusal().httpStatus());
            model.addAttribute("purchaseError", refused.getMessage());
            model.addAttribute("chosen", product);
            model.addAttribute("colleagues", List.of());
            return form(product, model);
        }
    }

    /** The colleague picker's results as the person types (htmx swaps them under the search box). */
    @GetMapping("/console/people")
    String people(@RequestParam(defaultValue = "") String q, Model model) {
        String self = pages.viewer().userId();
        model.addAttribute(
                "people",
                directory.pick(q, 8).stream().filter(u -> !u.id().equals(self)).toList());
        return "console/request-license :: people";
    }
}
