package com.licenseflow.tenant;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licenseflow.tenant.*}: whose licenses LicenseFlow governs.
 *
 * @param mode             {@code embedded}: LicenseFlow's own inventory is the record (demo, tests, organisations
 *                         without Microsoft 365); {@code microsoft-graph}: a Microsoft 365 tenant is, read through
 *                         Microsoft Graph
 * @param tenantId         the tenant (directory) id of the app registration
 * @param clientId         the app registration's application (client) id
 * @param clientSecret     its client secret (from the environment, never from a file in the repository); or:
 * @param clientCertificate a PEM file with the certificate uploaded to the app registration and its private key
 *                         (unencrypted PKCS#8): each token request is signed with it, no secret travels
 * @param graphUrl         Microsoft Graph's base address
 * @param tokenUrl         Microsoft Entra ID's sign-in address; tokens come from {@code <token-url>/<tenant-id>}
 * @param tokenScope       what the app's tokens are for: Microsoft Graph's application permissions
 *                         ({@code https://graph.microsoft.com/.default}), whatever address {@code graph-url} has (a
 *                         proxy in front of Graph, a national cloud's own Graph)
 * @param trustCertificate a PEM certificate to trust for both besides Java's own (a TLS-inspecting proxy, a
 *                         local stand-in); unset, Java's trust store alone
 * @param readEvery        how often "Read the tenant" reads products, seats and users
 * @param writes           how LicenseFlow's license changes are sent to the tenant
 */
@ConfigurationProperties("licenseflow.tenant")
public record TenantSettings(
        TenantMode mode,
        String tenantId,
        String clientId,
        String clientSecret,
        Path clientCertificate,
        URI graphUrl,
        URI tokenUrl,
        String tokenScope,
        Path trustCertificate,
        Duration readEvery,
        Writes writes) {

    public enum TenantMode {
        EMBEDDED,
        MICROSOFT_GRAPH
    }

    /**
     * {@code licenseflow.tenant.writes.*}: sending license changes to Microsoft Graph.
     *
     * @param enabled   whether this node sends them (tests send them themselves)
     * @param budget    requests per {@code window} LicenseFlow keeps to: Graph's published write budget for
     *                  license assignment is 3,000 requests per 150 seconds per app and tenant
     * @param window    the budget's window
     * @param pollEvery how often a node looks for changes to send when there were none
     * @param claimFor  a node that dies while sending leaves its changes to another after this
     */
    public record Writes(boolean enabled, int budget, Duration window, Duration pollEvery, Duration claimFor) {

        public Writes {
            if (budget < 20) {
                throw new IllegalArgumentException(
                        "licenseflow.tenant.writes.budget must be at least 20 (one batch), not " + budget);
            }
            if (window == null || pollEvery == null || claimFor == null || window.isNegative() || window.isZero()) {
                throw new IllegalArgumentException(
                        "licenseflow.tenant.writes: window, poll-every and claim-for must be set");
            }
        }
    }

    public TenantSettings {
        if (mode == null) {
            throw new IllegalArgumentException("licenseflow.tenant.mode must be embedded or microsoft-graph");
        }
        if (readEvery == null || readEvery.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException(
                    "licenseflow.tenant.read-every must be at least a minute (PT1M), not " + readEvery);
        }
        if (mode == TenantMode.MICROSOFT_GRAPH) {
            for (String[] required : new String[][] {{"tenant-id", tenantId}, {"client-id", clientId}}) {
                if (blank(required[1])) {
                    throw new IllegalArgumentException(
                            "licenseflow.tenant.mode is microsoft-graph, so licenseflow.tenant."
                                    + required[0] + " must be set (LICENSEFLOW_TENANT_"
                                    + required[0].toUpperCase().replace('-', '_') + "): " + SEE_README);
                }
            }
            if (blank(clientSecret) == (clientCertificate == null)) {
                throw new IllegalArgumentException("licenseflow.tenant.mode is microsoft-graph, so "
                        + (blank(clientSecret) ? "one of " : "only one of ")
                        + "licenseflow.tenant.client-secret (LICENSEFLOW_TENANT_CLIENT_SECRET) "
                        + "and licenseflow.tenant.client-certificate (LICENSEFLOW_TENANT_CLIENT_CERTIFICATE) must be "
                        + "set: " + SEE_README);
            }
            if (clientCertificate != null && !Files.isReadable(clientCertificate)) {
                throw new IllegalArgumentException(
                        "licenseflow.tenant.client-certificate: cannot read " + clientCertificate.toAbsolutePath()
                                + " (a PEM file with the app's certificate and private key)");
            }
            if (writes == null) {
                throw new IllegalArgumentException("licenseflow.tenant.writes must be set");
            }
            if (graphUrl == null || tokenUrl == null || blank(tokenScope)) {
                throw new IllegalArgumentException(
                        "licenseflow.tenant.graph-url, token-url and token-scope must be set");
            }
            for (Object[] url : new Object[][] {{"graph-url", graphUrl}, {"token-url", tokenUrl}}) {
                if (!"https".equalsIgnoreCase(((URI) url[1]).getScheme())) {
                    throw new IllegalArgumentException("licenseflow.tenant." + url[0] + " must be an https:// address "
                            + "(Microsoft Entra ID and Microsoft Graph take nothing else), not " + url[1]);
                }
            }
        }
    }

    private static final String SEE_README = "see the README, \"Connecting a Microsoft 365 tenant\"";

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    public boolean connected() {
        return mode == TenantMode.MICROSOFT_GRAPH;
    }

    /** The same tenant, its changes sent as {@code other} says. */
    public TenantSettings withWrites(Writes other) {
        return new TenantSettings(
                mode,
                tenantId,
                clientId,
                clientSecret,
                clientCertificate,
                graphUrl,
                tokenUrl,
                tokenScope,
                trustCertificate,
                readEvery,
                other);
    }

    /** The same tenant, its app signing in with the certificate and key in {@code pem} instead of a secret. */
    public TenantSettings withClientCertificate(Path pem) {
        return new TenantSettings(
                mode,
                tenantId,
                clientId,
                null,
                pem,
                graphUrl,
                tokenUrl,
                tokenScope,
                trustCertificate,
                readEvery,
                writes);
    }
}
