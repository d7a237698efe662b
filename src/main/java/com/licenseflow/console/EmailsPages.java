package com.licenseflow.console;

import com.licenseflow.notification.NotificationFilter;
import com.licenseflow.notification.NotificationLog;
import com.licenseflow.notification.NotificationRecord;
import com.licenseflow.notification.NotificationStatus;
import com.licenseflow.shared.CsvTable;
import com.licenseflow.shared.Page;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.QueryParams;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every email LicenseFlow sent or is about to send: admins see everyone's, everyone else their own
 * (as the API shows them); filtered by recipient and delivery, paged, exported as CSV.
 */
@Controller
class EmailsPages {

    private static final int PAGE_SIZE = 50;

    private final NotificationLog log;
    private final ConsolePages pages;

    EmailsPages(NotificationLog log, ConsolePages pages) {
        this.log = log;
        this.pages = pages;
    }

    @GetMapping("/console/emails")
    String emails(
            @RequestParam(required = false) String recipient,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer page,
            HttpServletRequest request,
            Model model) {
        Page<NotificationRecord> found = log.page(
                pages.viewer().actor(), filter(recipient, status), new PageRequest(page == null ? 1 : page, PAGE_SIZE));
        model.addAttribute("emails", found.items());
        model.addAttribute("pager", Pager.of(found, request));
        model.addAttribute("recipient", recipient);
        model.addAttribute("status", status);
        model.addAttribute("csv", CsvExport.link("/console/emails.csv", request));
        return "console/emails";
    }

    @GetMapping(value = "/console/emails.csv", produces = "text/csv")
    ResponseEntity<String> export(
            @RequestParam(required = false) String recipient, @RequestParam(required = false) String status) {
        NotificationFilter filter = filter(recipient, status);
        CsvTable csv =
                new CsvTable("Recorded", "To", "Name", "Subject", "Kind", "Status", "Attempts", "Last error", "Sent");
        return CsvExport.download(
                "emails.csv",
                csv,
                page -> log.page(pages.viewer().actor(), filter, page),
                n -> csv.row(
                        n.createdAt(),
                        n.recipientEmail(),
                        n.recipientName(),
                        n.subject(),
                        n.kind().name(),
                        n.status().name(),
                        n.attempts(),
                        n.lastError(),
                        n.sentAt()));
    }

    private static NotificationFilter filter(String recipient, String status) {
        return new NotificationFilter(
                null,
                null,
                null,
                QueryParams.oneOf(NotificationStatus.class, status, "delivery status"),
                recipient == null || recipient.isBlank() ? null : recipient.trim());
    }
}
