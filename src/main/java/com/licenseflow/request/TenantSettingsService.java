package com.licenseflow.request;

import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.access.AccessPolicy;
import com.licenseflow.inventory.audit.AuditAction;
import com.licenseflow.inventory.audit.ChangeContext;
import com.licenseflow.shared.Rule;
import com.licenseflow.shared.Words;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class TenantSettingsService {

    static final int MAX_RETENTION_DAYS = 3650;
    private static final int MAX_TEXT = 2000;

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final LicenseLedger ledger;

    public TenantSettingsService(JdbcClient jdbc, AccessPolicy access, LicenseLedger ledger) {
        this.jdbc = jdbc;
        this.access = access;
        this.ledger = ledger;
    }

    /** Readable by everyone: a user about to request a license must see the organisation's message. */
    public TenantSettings current() {
        return jdbc.sql("select * from tenant_settings where id = 1")
                .query((rs, n) -> new TenantSettings(
                        rs.getBoolean("own_request_process"),
                        rs.getString("own_request_message"),
                        rs.getString("own_request_documentation"),
                        rs.getInt("request_retention_days")))
                .single();
    }

    @Transactional
    public TenantSettings change(ChangeContext context, TenantSettings wanted) {
        access.requireGlobalAdmin(context.actor(), "change the license request settings");
        String message = trimToNull(wanted.ownRequestMessage());
        String url = trimToNull(wanted.ownRequestDocumentationUrl());
        if (wanted.ownRequestProcess() && message == null) {
            throw Rule.INVALID_INPUT.violation("Using your own request process needs a message: it is what users "
                    + "see instead of the request form. Add a message that tells them where to ask.");
        }
        if (message != null && message.length() > MAX_TEXT) {
            throw Rule.INVALID_INPUT.violation(
                    "The message is " + message.length() + " characters long; keep it to " + MAX_TEXT + ".");
        }
        if (url != null) {
            requireWebAddress(url);
        }
        if (wanted.requestRetentionDays() < 1 || wanted.requestRetentionDays() > MAX_RETENTION_DAYS) {
            throw Rule.INVALID_INPUT.violation("Requests can be kept between 1 and " + MAX_RETENTION_DAYS
                    + " days after completion; " + wanted.requestRetentionDays() + " is outside that range.");
        }
        TenantSettings before = current();
        jdbc.sql("""
                        update tenant_settings set own_request_process = ?, own_request_message = ?,
                               own_request_documentation = ?, request_retention_days = ? where id = 1""")
                .params(wanted.ownRequestProcess(), message, url, wanted.requestRetentionDays())
                .update();
        TenantSettings after = current();
        ledger.record(
                context,
                AuditAction.TENANT_SETTINGS_CHANGED,
                null,
                null,
                null,
                "License request settings changed: " + words(after) + " (until now " + words(before) + ")");
        return after;
    }

    /** The settings as the audit trail says them. */
    private static String words(TenantSettings settings) {
        return (settings.ownRequestProcess()
                        ? "requests go to the organisation's own process"
                                + (settings.ownRequestMessage() == null
                                                || settings.ownRequestMessage().isBlank()
                                        ? ""
                                        : " (\"" + settings.ownRequestMessage() + "\")")
                                + (settings.ownRequestDocumentationUrl() == null
                                        ? ""
                                        : ", documented at " + settings.ownRequestDocumentationUrl())
                        : "requests are decided in LicenseFlow")
                + ", kept " + Words.count(settings.requestRetentionDays(), "day", "days") + " after completion";
    }

    private static void requireWebAddress(String url) {
        try {
            URI uri = new URI(url);
            if (url.length() <= MAX_TEXT
                    && uri.getHost() != null
                    && ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                return;
            }
        } catch (URISyntaxException e) {
            // falls through to the refusal below
        }
        throw Rule.INVALID_INPUT.violation("'" + url + "' is not a web address; the documentation link must start "
                + "with https:// (or http://) and name a host.");
    }

    private static String trimToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
