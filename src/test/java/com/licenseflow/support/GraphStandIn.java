package com.licenseflow.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.licenseflow.tenant.TenantSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A local Microsoft Graph and Microsoft Entra ID token endpoint (WireMock over HTTPS, as both are: MSAL4J takes
 * only an https authority), with a certificate for localhost made for it by the JDK's keytool. The application
 * trusts it through {@code licenseflow.tenant.trust-certificate}, the setting a TLS-inspecting proxy needs too.
 */
public final class GraphStandIn implements AutoCloseable {

    public static final String TENANT = "11111111-2222-3333-4444-555555555555";
    public static final String CLIENT = "licenseflow-test-app";
    public static final String SECRET = "test-secret";
    public static final String TOKEN = "token-from-the-stand-in";

    private final WireMockServer server;
    private final Path certificate;
    private final GraphTenant tenant;
    private final Path keystore;

    private GraphStandIn(WireMockServer server, Path certificate, GraphTenant tenant, Path keystore) {
        this.server = server;
        this.certificate = certificate;
        this.tenant = tenant;
        this.keystore = keystore;
    }

    /**
     * A PEM file with a certificate and its private key, as an admin uploads the certificate to the app registration
     * and gives LicenseFlow the file (the stand-in's own key pair: the token endpoint takes any).
     */
    public Path appCertificate() {
        try {
            java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(keystore)) {
                store.load(in, "stand-in".toCharArray());
            }
            byte[] key = store.getKey("localhost", "stand-in".toCharArray()).getEncoded();
            java.util.Base64.Encoder pem = java.util.Base64.getMimeEncoder(64, "\n".getBytes());
            Path file = keystore.resolveSibling("app.pem");
            Files.writeString(
                    file,
                    Files.readString(certificate) + "\n-----BEGIN PRIVATE KEY-----\n" + pem.encodeToString(key)
                            + "\n-----END PRIVATE KEY-----\n");
            return file;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write the app certificate", e);
        }
    }

    /** The tenant behind {@code $batch}: its users' licenses, its seats, and what it was sent. */
    public GraphTenant tenant() {
        return tenant;
    }

    /**
     * {@code GET /users/delta} listing {@code users} members in pages of {@code page} (ids 00000000-...-000000000001
     * on, user{i}@large.example), the last page with the deltaLink.
     */
    public void users(int users, int page) {
        int pages = (users + page - 1) / page;
        for (int p = 1; p <= pages; p++) {
            StringBuilder body = new StringBuilder("{\"value\":[");
            for (int i = (p - 1) * page + 1; i <= Math.min(users, p * page); i++) {
                String id = String.format("00000000-0000-0000-0000-%012d", i);
                body.append(i > (p - 1) * page + 1 ? "," : "")
                        .append("{\"id\":\"")
                        .append(id)
                        .append("\",\"userPrincipalName\":\"user")
                        .append(i)
                        .append("@large.onmicrosoft.com\",")
                        .append("\"displayName\":\"User ")
                        .append(i)
                        .append("\",\"mail\":\"user")
                        .append(i)
                        .append("@large.example\",\"userType\":\"Member\",\"usageLocation\":\"NL\",")
                        .append("\"accountEnabled\":true,\"assignedLicenses\":[]}");
            }
            body.append("],")
                    .append(
                            p < pages
                                    ? "\"@odata.nextLink\":\"" + base() + "/v1.0/users/delta?$skiptoken=p" + (p + 1)
                                            + "\"}"
                                    : "\"@odata.deltaLink\":\"" + base() + "/v1.0/users/delta?$deltatoken=done\"}");
            var request = com.github.tomakehurst.wiremock.client.WireMock.get(
                    com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1.0/users/delta"));
            request = p == 1
                    ? request.withQueryParam("$skiptoken", com.github.tomakehurst.wiremock.client.WireMock.absent())
                    : request.withQueryParam(
                            "$skiptoken", com.github.tomakehurst.wiremock.client.WireMock.equalTo("p" + p));
            server.stubFor(request.willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(body.toString())));
        }
    }

    /** The jar's arguments that connect it to this stand-in (PostgreSQL or H2 besides). */
    public List<String> jarArguments() {
        return jarArguments("--licenseflow.tenant.client-secret=" + settings().clientSecret());
    }

    /** The same, the app signing in with {@link #appCertificate()} instead of the secret. */
    public List<String> jarArgumentsWithCertificate() {
        return jarArguments("--licenseflow.tenant.client-certificate=" + appCertificate());
    }

    private List<String> jarArguments(String credential) {
        TenantSettings tenant = settings();
        return List.of(
                "--licenseflow.tenant.mode=microsoft-graph",
                "--licenseflow.tenant.tenant-id=" + tenant.tenantId(),
                "--licenseflow.tenant.client-id=" + tenant.clientId(),
                credential,
                "--licenseflow.tenant.graph-url=" + tenant.graphUrl(),
                "--licenseflow.tenant.token-url=" + tenant.tokenUrl(),
                "--licenseflow.tenant.trust-certificate=" + tenant.trustCertificate(),
                "--licenseflow.tenant.read-every=PT24H");
    }

    /** Entra ID's token endpoint and Graph's {@code $batch}, answered by {@link #tenant()} (after a resetAll too). */
    public void answerTokensAndBatches() {
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                                "/" + TENANT + "/oauth2/v2.0/token"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"token_type\":\"Bearer\","
                        + "\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"" + TOKEN + "\"}")));
        server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/v1.0/$batch"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                        .withTransformers(GraphTenant.NAME)));
    }

    public static GraphStandIn start() {
        return start(new GraphTenant());
    }

    /** A stand-in whose {@code POST /v1.0/$batch} is answered by {@code tenant}. */
    public static GraphStandIn start(GraphTenant tenant) {
        try {
            Path folder = Files.createTempDirectory("graph-stand-in");
            Path keystore = folder.resolve("localhost.p12");
            Path certificate = folder.resolve("localhost.pem");
            keytool(
                    "-genkeypair",
                    "-alias",
                    "localhost",
                    "-keyalg",
                    "RSA",
                    "-keysize",
                    "2048",
                    "-dname",
                    "CN=localhost",
                    "-ext",
                    "SAN=dns:localhost,ip:127.0.0.1",
                    "-validity",
                    "2",
                    "-storetype",
                    "PKCS12",
                    "-keystore",
                    keystore.toString(),
                    "-storepass",
                    "stand-in",
                    "-keypass",
                    "stand-in");
            keytool(
                    "-exportcert",
                    "-rfc",
                    "-alias",
                    "localhost",
                    "-keystore",
                    keystore.toString(),
                    "-storepass",
                    "stand-in",
                    "-file",
                    certificate.toString());
            WireMockServer server = new WireMockServer(options()
                    .dynamicPort()
                    .dynamicHttpsPort()
                    .keystorePath(keystore.toString())
                    .keystorePassword("stand-in")
                    .keyManagerPassword("stand-in")
                    .keystoreType("PKCS12")
                    .extensions(tenant));
            server.start();
            return new GraphStandIn(server, certificate, tenant, keystore);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the Graph stand-in", e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(keytool.getInputStream().readAllBytes());
            if (keytool.waitFor() != 0) {
                throw new IOException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    public WireMockServer server() {
        return server;
    }

    public String base() {
        return "https://localhost:" + server.httpsPort();
    }

    /** The application's tenant settings that point it at this stand-in. */
    public TenantSettings settings() {
        return new TenantSettings(
                TenantSettings.TenantMode.MICROSOFT_GRAPH,
                TENANT,
                CLIENT,
                SECRET,
                null,
                URI.create(base() + "/v1.0"),
                URI.create(base()),
                "https://graph.microsoft.com/.default",
                certificate,
                Duration.ofHours(1),
                new TenantSettings.Writes(
                        false, 3000, Duration.ofSeconds(150), Duration.ofSeconds(1), Duration.ofMinutes(2)));
    }

    @Override
    public void close() {
        server.stop();
    }
}
