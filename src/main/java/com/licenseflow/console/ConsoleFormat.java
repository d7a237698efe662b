package com.licenseflow.console;

import com.licenseflow.inventory.assignment.LicenseAssignment;
import com.licenseflow.inventory.audit.AuditAction;
import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.catalog.ServicePlan;
import com.licenseflow.shared.Words;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/** How the console's templates write days, moments and codes: in words, as the rest of LicenseFlow does. */
@Component("format")
class ConsoleFormat {

    private final Clock clock;

    ConsoleFormat(Clock clock) {
        this.clock = clock;
    }

    public String day(LocalDate date) {
        return date == null ? "" : Words.day(date);
    }

    public String moment(Instant instant) {
        return instant == null ? "" : Words.moment(instant, clock.getZone());
    }

    public String count(long n, String one, String many) {
        return Words.count(n, one, many);
    }

    /** LICENSE_ASSIGNED reads "License assigned". */
    public String action(AuditAction action) {
        return actionWords(action);
    }

    static String actionWords(AuditAction action) {
        String words = action.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A8: "Mailbox data kept until 30 Dec 2026", from that day "... deleted on ...". */
    public String mailboxData(LicenseAssignment license) {
        String words = license.mailboxData(LocalDate.now(clock));
        return words == null ? "" : "Mailbox data " + words;
    }

    /** The apps and services switched off, by their names: "Microsoft Teams and SharePoint (Plan 1)", or "none". */
    public String plans(Product product, Set<String> planIds) {
        String names = product.servicePlans().stream()
                .filter(plan -> planIds.contains(plan.id()))
                .map(ServicePlan::name)
                .collect(Words.and());
        return names.isEmpty() ? "none" : names;
    }

    /** Seats used as a share of those bought, for the usage bars (0-100). */
    public int percent(long part, long whole) {
        return whole <= 0 ? 0 : (int) Math.min(100, Math.round(part * 100.0 / whole));
    }
}
