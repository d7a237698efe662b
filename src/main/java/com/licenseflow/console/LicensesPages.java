package com.licenseflow.console;

import com.licenseflow.inventory.assignment.AssignLicenses;
import com.licenseflow.inventory.assignment.AssignmentMode;
import com.licenseflow.inventory.assignment.LicenseAssignment;
import com.licenseflow.inventory.assignment.LicenseAssignmentService;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.MicrosoftCatalogImport;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.directory.UserSearch;
import com.licenseflow.inventory.overview.InventoryViews;
import com.licenseflow.shared.LicenseRuleViolation;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.Words;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A2 the Licenses view, and a product's page: its subscriptions, its users, assign (A1, A3, A4) and unassign (A7). */
@Controller
class LicensesPages {

    private static final int PAGE_SIZE = 25;

    private final InventoryViews views;
    private final LicenseAssignmentService assignments;
    private final Directory directory;
    private final ConsolePages pages;
    private final MicrosoftCatalogImport catalogImport;
    private final Losses losses;

    LicensesPages(
            InventoryViews views,
            LicenseAssignmentService assignments,
            Directory directory,
            ConsolePages pages,
            MicrosoftCatalogImport catalogImport,
            Losses losses) {
        this.catalogImport = catalogImport;
        this.losses = losses;
        this.views = views;
        this.assignments = assignments;
        this.directory = directory;
        this.pages = pages;
    }

    @GetMapping("/console/licenses")
    String licenses(Model model) {
        model.addAttribute("products", views.licenses(pages.viewer().actor(), null));
        return "console/licenses";
    }

    /** Microsoft's "Product names and service plan identifiers for licensing" CSV, as downloaded from Microsoft. */
    @PostMapping("/console/licenses/catalog")
    String importCatalog(
            @RequestParam(required = false) MultipartFile file,
            HttpServletResponse response,
            Model model,
            RedirectAttributes done)
            throws IOException {
        Viewer viewer = pages.viewer();
        catalogImport.requireMayImport(viewer.actor());
        try {
            if (file == null || file.isEmpty()) {
                throw com.licenseflow.shared.Rule.INVALID_CATALOG_FILE.violation(
                        "Choose the file you downloaded from Microsoft first.");
            }
            MicrosoftCatalogImport.Result result = catalogImport.importCsv(
                    ChangeContext.byUser(viewer.actor(), null),
                    file.getInputStream(),
                    file.getOriginalFilename() == null ? "an upload" : file.getOriginalFilename());
            done.addFlashAttribute(
                    "done",
                    "Microsoft's catalog imported: " + count(result.skus(), "product") + ", "
                            + count(result.servicePlans(), "service plan") + "; " + result.productsMatched()
                            + " of your products found"
                            + (result.renamedProducts().isEmpty()
                                    ? "."
                                    : ", renamed: "
                                            + result.renamedProducts().stream()
                                                    .map(r -> r.from() + " is now " + r.to())
                                                    .collect(Words.and())
                                            + "."));
            return "redirect:/console/licenses";
        } catch (LicenseRuleViolation refused) {
            response.setStatus(refused.rule().refusal().httpStatus());
            model.addAttribute("catalogError", refused.getMessage());
            return licenses(model);
        }
    }

    private static String count(int n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    @GetMapping("/console/licenses/{productId}")
    String product(
            @PathVariable String productId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer page,
            HttpServletRequest request,
            Model model) {
        Viewer viewer = pages.viewer();
        Product product = views.product(viewer.actor(), productId);
        var users = views.licensees(
                viewer.actor(),
                productId,
                new UserSearch(q, null, null),
                new PageRequest(page == null ? 1 : page, PAGE_SIZE));
        model.addAttribute("product", product);
        model.addAttribute("subscriptions", views.subscriptionsOf(viewer.actor(), productId));
        model.addAttribute("users", users.items());
        model.addAttribute("pager", Pager.of(users, request));
        model.addAttribute("q", q);
        if (!model.containsAttribute("assignUsers")) {
            model.addAttribute("assignUsers", "");
            model.addAttribute("enabledPlans", product.planIds());
            model.addAttribute("mode", "ADD");
        }
        return "console/product";
    }

    /** Up to 20 users by user name or email, typed or pasted, separated by commas, spaces or new lines. */
    @PostMapping("/console/licenses/{productId}/assign")
    String assign(
            @PathVariable String productId,
            @RequestParam(defaultValue = "") String users,
            @RequestParam(required = false) List<String> enabledPlans,
            @RequestParam(defaultValue = "ADD") AssignmentMode mode,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes done) {
        Viewer viewer = pages.viewer();
        Product product = views.product(viewer.actor(), productId);
        Set<String> enabled = enabledPlans == null ? Set.of() : new HashSet<>(enabledPlans);
        try {
            List<String> names = Arrays.stream(users.split("[,;\\s]+"))
                    .filter(n -> !n.isBlank())
                    .toList();
            List<DirectoryUser> chosen = directory.requireAllByIdOrEmail(names);
            Set<String> disabled =
                    product.planIds().stream().filter(p -> !enabled.contains(p)).collect(Collectors.toSet());
            List<LicenseAssignment> given = assignments.assign(
                    ChangeContext.byUser(viewer.actor(), null),
                    new AssignLicenses(
                            productId,
                            null,
                            chosen.stream().map(DirectoryUser::id).toList(),
                            disabled,
                            mode));
            done.addFlashAttribute(
                    "done",
                    product.name() + " assigned to " + names(chosen) + " (" + given.size()
                            + (given.size() == 1 ? " license)." : " licenses)."));
            return "redirect:/console/licenses/" + productId;
        } catch (LicenseRuleViolation refused) {
            response.setStatus(refused.rule().refusal().httpStatus());
            model.addAttribute("assignError", refused.getMessage());
            model.addAttribute("assignUsers", users);
            model.addAttribute("enabledPlans", enabled);
            model.addAttribute("mode", mode.name());
            return product(productId, null, null, request, model);
        }
    }

    @PostMapping("/console/licenses/{productId}/unassign")
    String unassign(
            @PathVariable String productId,
            @RequestParam(required = false) List<String> userIds,
            @RequestParam(required = false) String confirmed,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes done) {
        Viewer viewer = pages.viewer();
        Product product = views.product(viewer.actor(), productId);
        try {
            List<String> ids = userIds == null ? List.of() : userIds;
            List<DirectoryUser> chosen = directory.requireAll(ids);
            if (!Confirmation.given(confirmed)) {
                List<LicenseAssignment> removing = assignments.toUnassign(viewer.actor(), productId, ids);
                model.addAttribute(
                        "confirmation",
                        new Confirmation(
                                "licenses",
                                "Unassign " + product.name() + " from " + names(chosen) + "?",
                                losses.lines(removing, byId(chosen)),
                                losses.notes(removing),
                                "/console/licenses/" + productId + "/unassign",
                                Confirmation.fields(Map.of("userIds", ids)),
                                "Unassign " + product.name(),
                                "/console/licenses/" + productId));
                return "console/confirm";
            }
            assignments.unassign(
                    ChangeContext.byUser(viewer.actor(), null),
                    productId,
                    chosen.stream().map(DirectoryUser::id).toList());
            done.addFlashAttribute(
                    "done",
                    product.name() + " unassigned from " + names(chosen) + ". Their mailbox data is kept for 30 days.");
            return "redirect:/console/licenses/" + productId;
        } catch (LicenseRuleViolation refused) {
            response.setStatus(refused.rule().refusal().httpStatus());
            model.addAttribute("unassignError", refused.getMessage());
            return product(productId, null, null, request, model);
        }
    }

    static Map<String, String> byId(List<DirectoryUser> users) {
        return users.stream().collect(Collectors.toMap(DirectoryUser::id, DirectoryUser::displayName, (a, b) -> a));
    }

    static String names(List<DirectoryUser> users) {
        return users.stream().map(DirectoryUser::displayName).collect(Words.and());
    }
}
