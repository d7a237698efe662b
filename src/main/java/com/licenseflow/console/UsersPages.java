package com.licenseflow.console;

import com.licenseflow.inventory.assignment.LicenseAssignment;
import com.licenseflow.inventory.assignment.LicenseAssignmentService;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.directory.UserSearch;
import com.licenseflow.inventory.directory.UserType;
import com.licenseflow.shared.LicenseRuleViolation;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.QueryParams;
import com.licenseflow.shared.Words;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Users page (search by name, user name, type, usage location) and one user's licenses (A3, A7, A8). */
@Controller
class UsersPages {

    private static final int PAGE_SIZE = 25;

    private final Directory directory;
    private final LicenseAssignmentService assignments;
    private final ProductCatalog catalog;
    private final ConsolePages pages;
    private final Losses losses;

    UsersPages(
            Directory directory,
            LicenseAssignmentService assignments,
            ProductCatalog catalog,
            ConsolePages pages,
            Losses losses) {
        this.losses = losses;
        this.directory = directory;
        this.assignments = assignments;
        this.catalog = catalog;
        this.pages = pages;
    }

    /** A license as the user page shows it: the product's name and each app or service, on or off. */
    record LicenseRow(LicenseAssignment license, Product product, List<LicenseAssignmentService.PlanState> plans) {}

    /** With {@code HX-Request} only the results, which htmx swaps in while the admin types. */
    @GetMapping("/console/users")
    String users(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String location,
            @RequestParam(required = false) Integer page,
            HttpServletRequest request,
            Model model) {
        var found = directory.search(
                pages.viewer().actor(),
                new UserSearch(q, QueryParams.oneOf(UserType.class, type, "user type"), location),
                new PageRequest(page == null ? 1 : page, PAGE_SIZE));
        model.addAttribute("users", found.items());
        model.addAttribute("pager", Pager.of(found, request));
        model.addAttribute("q", q);
        model.addAttribute("type", type);
        model.addAttribute("location", location);
        model.addAttribute("products", catalog.list());
        return request.getHeader("HX-Request") != null ? "console/users :: results" : "console/users";
    }

    /**
     * The admin center's actions on a selection of users: give them several products at once, every
     * app and service on (A4), or take every license they hold (A7). All or nothing either way.
     */
    @PostMapping("/console/users/selection")
    String selection(
            @RequestParam(required = false) List<String> userIds,
            @RequestParam(required = false) List<String> productIds,
            @RequestParam String action,
            @RequestParam(required = false) String confirmed,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes done) {
        Viewer viewer = pages.viewer();
        List<String> chosen = userIds == null ? List.of() : userIds;
        try {
            List<DirectoryUser> users = directory.requireAll(chosen);
            String names = LicensesPages.names(users);
            if ("unassign-all".equals(action) && !Confirmation.given(confirmed)) {
                model.addAttribute(
                        "confirmation",
                        unassignAll(
                                viewer,
                                users,
                                "/console/users/selection",
                                Map.of("userIds", chosen, "action", action),
                                "/console/users"));
                return "console/confirm";
            }
            if ("unassign-all".equals(action)) {
                int removed = assignments
                        .unassignAll(ChangeContext.byUser(viewer.actor(), null), chosen)
                        .size();
                done.addFlashAttribute(
                        "done",
                        "Every license of " + names + " unassigned (" + removed
                                + (removed == 1 ? " license" : " licenses")
                                + "). Their mailbox data is kept for 30 days.");
            } else {
                List<String> products = productIds == null ? List.of() : productIds;
                int given = assignments
                        .assignSeveral(ChangeContext.byUser(viewer.actor(), null), products, chosen)
                        .size();
                done.addFlashAttribute(
                        "done",
                        products.stream().map(id -> catalog.require(id).name()).collect(Words.and())
                                + " assigned to " + names + " (" + given
                                + (given == 1 ? " license)." : " licenses)."));
            }
            return "redirect:/console/users";
        } catch (LicenseRuleViolation refused) {
            response.setStatus(refused.rule().refusal().httpStatus());
            model.addAttribute("selectionError", refused.getMessage());
            return users(null, null, null, null, request, model);
        }
    }

    @GetMapping("/console/users/{userId}")
    String user(@PathVariable String userId, Model model) {
        Viewer viewer = pages.viewer();
        List<LicenseAssignment> licenses = assignments.licensesOf(viewer.actor(), userId);
        DirectoryUser user = directory.require(userId);
        Map<String, Product> products =
                catalog.list().stream().collect(Collectors.toMap(Product::id, Function.identity()));
        List<LicenseRow> rows = licenses.stream()
                .sorted(Comparator.comparing((LicenseAssignment a) -> !a.isActive())
                        .thenComparing(a -> products.get(a.productId()).name()))
                .map(a -> new LicenseRow(
                        a,
                        products.get(a.productId()),
                        LicenseAssignmentService.planStates(products.get(a.productId()), a.disabledPlans())))
                .toList();
        model.addAttribute("user", user);
        model.addAttribute(
                "held", rows.stream().filter(r -> r.license().isActive()).toList());
        model.addAttribute(
                "removed", rows.stream().filter(r -> !r.license().isActive()).toList());
        return "console/user";
    }

    @PostMapping("/console/users/{userId}/licenses/{productId}/services")
    String services(
            @PathVariable String userId,
            @PathVariable String productId,
            @RequestParam(required = false) List<String> enabledPlans,
            HttpServletResponse response,
            Model model,
            RedirectAttributes done) {
        Viewer viewer = pages.viewer();
        Product product = catalog.require(productId);
        Set<String> enabled = enabledPlans == null ? Set.of() : Set.copyOf(enabledPlans);
        Set<String> disabled =
                product.planIds().stream().filter(p -> !enabled.contains(p)).collect(Collectors.toSet());
        return change(userId, response, model, done, () -> {
            assignments.changeServicePlans(ChangeContext.byUser(viewer.actor(), null), userId, productId, disabled);
            return "Apps and services of " + product.name() + " saved.";
        });
    }

    @PostMapping("/console/users/{userId}/licenses/{productId}/remove")
    String remove(
            @PathVariable String userId,
            @PathVariable String productId,
            @RequestParam(required = false) String confirmed,
            HttpServletResponse response,
            Model model,
            RedirectAttributes done) {
        Viewer viewer = pages.viewer();
        Product product = catalog.require(productId);
        if (!Confirmation.given(confirmed)) {
            return confirm(userId, response, model, user -> {
                List<LicenseAssignment> removing = assignments.toUnassign(viewer.actor(), productId, List.of(userId));
                return new Confirmation(
                        "users",
                        "Unassign " + product.name() + " from " + user.displayName() + "?",
                        losses.lines(removing, Map.of(userId, user.displayName())),
                        losses.notes(removing),
                        "/console/users/" + userId + "/licenses/" + productId + "/remove",
                        List.of(),
                        "Unassign " + product.name(),
                        "/console/users/" + userId);
            });
        }
        return change(userId, response, model, done, () -> {
            assignments.unassign(ChangeContext.byUser(viewer.actor(), null), productId, List.of(userId));
            return product.name() + " unassigned. The mailbox data is kept for 30 days.";
        });
    }

    @PostMapping("/console/users/{userId}/remove-all")
    String removeAll(
            @PathVariable String userId,
            @RequestParam(required = false) String confirmed,
            HttpServletResponse response,
            Model model,
            RedirectAttributes done) {
        Viewer viewer = pages.viewer();
        if (!Confirmation.given(confirmed)) {
            return confirm(
                    userId,
                    response,
                    model,
                    user -> unassignAll(
                            viewer,
                            List.of(user),
                            "/console/users/" + userId + "/remove-all",
                            Map.of(),
                            "/console/users/" + userId));
        }
        return change(userId, response, model, done, () -> {
            int removed = assignments
                    .unassignAll(ChangeContext.byUser(viewer.actor(), null), userId)
                    .size();
            return removed == 0
                    ? "There were no licenses to remove."
                    : "All " + removed + (removed == 1 ? " license" : " licenses") + " unassigned. The mailbox data "
                            + "is kept for 30 days.";
        });
    }

    /** "Unassign all" asked of a selection or of one user: every license they hold, what they lose. */
    private Confirmation unassignAll(
            Viewer viewer, List<DirectoryUser> users, String action, Map<String, ?> fields, String cancel) {
        List<LicenseAssignment> removing = assignments.toUnassignAll(
                viewer.actor(), users.stream().map(DirectoryUser::id).toList());
        return new Confirmation(
                "users",
                "Unassign every license of " + LicensesPages.names(users) + "?",
                removing.isEmpty()
                        ? List.of("They hold no licenses: nothing is taken away.")
                        : losses.lines(removing, LicensesPages.byId(users)),
                losses.notes(removing),
                action,
                Confirmation.fields(fields),
                "Unassign all licenses",
                cancel);
    }

    /** The confirmation for one user's licenses, or the user page with the refusal when there is nothing to ask. */
    private String confirm(
            String userId, HttpServletResponse response, Model model, Function<DirectoryUser, Confirmation> question) {
        try {
            model.addAttribute("confirmation", question.apply(directory.require(userId)));
            return "console/confirm";
        } catch (LicenseRuleViolation refused) {
            response.setStatus(refused.rule().refusal().httpStatus());
            model.addAttribute("error", refused.getMessage());
            return user(userId, model);
        }
    }

    private interface Change {
        String apply();
    }

    /** Done: back to the user with what happened; refused: the user page with the reason above the licenses. */
    private String change(
            String userId, HttpServletResponse response, Model model, RedirectAttributes done, Change change) {
        try {
            done.addFlashAttribute("done", change.apply());
            return "redirect:/console/users/" + userId;
        } catch (LicenseRuleViolation refused) {
            response.setStatus(refused.rule().refusal().httpStatus());
            model.addAttribute("error", refused.getMessage());
            return user(userId, model);
        }
    }
}
