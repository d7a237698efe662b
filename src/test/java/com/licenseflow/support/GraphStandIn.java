package com.licenseflow.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import com.licenseflow.tenant.TenantSettings;
import java.net.URI;
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

    private GraphStandIn(WireMockServer server, Path certificate) {
        this.server = server;
        this.certificate = certificate;
    }

    public static GraphStandIn start() {
        try {
            Path folder = Files.createTempDirectory("graph-stand-in");
            Path keystore = folder.resolve("localhost.p12");
            Path certificate = folder.resolve("localhost.pem");
            keytool("-genkeypair", "-alias", "localhost", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
                    "-keystore", keystore.toString(), "-storepass", "stand-in", "-keypass", "stand-in");
            keytool("-exportcert", "-rfc", "-alias", "localhost", "-keystore", keystore.toString(),
                    "-storepass", "stand-in", "-file", certificate.toString());
            WireMockServer server = new WireMockServer(options().dynamicPort().dynamicHttpsPort()
                    .keystorePath(keystore.toString()).keystorePassword("stand-in").keyManagerPassword("stand-in")
                    .keystoreType("PKCS12"));
            server.start();
            return new GraphStandIn(server, certificate);
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
        return new TenantSettings(TenantSettings.TenantMode.MICROSOFT_GRAPH, TENANT, CLIENT, SECRET,
                URI.create(base() + "/v1.0"), URI.create(base()), certificate, Duration.ofHours(1));
    }

    @Override
    public void close() {
        server.stop();
    }
}
