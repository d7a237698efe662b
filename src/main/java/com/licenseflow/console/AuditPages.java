package com.licenseflow.console;

import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.audit.AuditAction;
import com.licenseflow.inventory.audit.AuditEntry;
import com.licenseflow.inventory.audit.AuditSearch;
import com.licenseflow.inventory.audit.AuditTrail;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.Directory;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.shared.CsvTable;
import com.licenseflow.shared.Page;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.QueryParams;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail: filtered, paged, people and products by name, exported as CSV with the same filters. */
@Controller
class AuditPages {

    private static final int PAGE_SIZE = 50;

    private final AuditTrail audit;
    private final AccessPolicy access;
    private final Directory directory;
    private final ProductCatalog catalog;
    private final ConsolePages pages;

    AuditPages(AuditTrail audit, AccessPolicy access, Directory directory, ProductCatalog catalog, ConsolePages pages) {
        this.audit = audit;
        this.access = access;
        this.directory = directory;
        this.catalog = catalog;
        this.pages = pages;
    }

    /** An audit row with the names of the people and the product it is about. */
    record AuditRow(AuditEntry entry, String actorName, String userName, String productName) {}

    @GetMapping("/console/audit")
    String trail(
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String product,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) Integer page,
            HttpServletRequest request,
            Model model) {
        access.requireAnyAdmin(pages.viewer().actor(), "read the audit trail");
        Page<AuditEntry> found =
                audit.find(search(user, product, actor, action), new PageRequest(page == null ? 1 : page, PAGE_SIZE));
        model.addAttribute("rows", named(found).items());
        model.addAttribute("pager", Pager.of(found, request));
        model.addAttribute("products", catalog.list());
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("user", user);
        model.addAttribute("product", product);
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("csv", CsvExport.link("/console/audit.csv", request));
        return "console/audit";
    }

    @GetMapping(value = "/console/audit.csv", produces = "text/csv")
    ResponseEntity<String> export(
            @RequestParam(required = false) String user,
            @RequestParam(required = false) String product,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action) {
        access.requireAnyAdmin(pages.viewer().actor(), "export the audit trail");
        AuditSearch search = search(user, product, actor, action);
        CsvTable csv = new CsvTable(
                "When",
                "Who",
                "Who (user name)",
                "What",
                "User",
                "User name",
                "Product",
                "Details",
                "Reason",
                "Process instance");
        return CsvExport.download("audit-trail.csv", csv, page -> named(audit.find(search, page)), row -> {
            AuditEntry e = row.entry();
            csv.row(
                    e.occurredAt(),
                    row.actorName(),
                    e.actor(),
                    ConsoleFormat.actionWords(e.action()),
                    row.userName(),
                    e.userId(),
                    row.productName(),
                    e.details(),
                    e.reason(),
                    e.processInstanceId());
        });
    }

    private static AuditSearch search(String user, String product, String actor, String action) {
        return new AuditSearch(
                user, product, actor, QueryParams.oneOf(AuditAction.class, action, "kind of change"), null, null);
    }

    private Page<AuditRow> named(Page<AuditEntry> page) {
        List<AuditEntry> entries = page.items();
        Map<String, String> people = directory
                .findAllKnown(entries.stream()
                        .flatMap(e -> Stream.of(e.actor(), e.userId()))
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList())
                .stream()
                .collect(Collectors.toMap(DirectoryUser::id, DirectoryUser::displayName));
        Map<String, String> products = catalog.list().stream().collect(Collectors.toMap(Product::id, Product::name));
        return page.map(e -> new AuditRow(
                e,
                people.getOrDefault(e.actor(), Actor.systemName(e.actor()).orElse(e.actor())),
                e.userId() == null ? null : people.getOrDefault(e.userId(), e.userId()),
                e.productId() == null ? null : products.getOrDefault(e.productId(), e.productId())));
    }
}
