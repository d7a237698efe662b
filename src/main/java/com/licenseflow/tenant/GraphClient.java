package com.licenseflow.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.aad.msal4j.ClientCredentialFactory;
import com.microsoft.aad.msal4j.ClientCredentialParameters;
import com.microsoft.aad.msal4j.ConfidentialClientApplication;
import com.microsoft.aad.msal4j.IClientCredential;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.springframework.stereotype.Component;

/**
 * Microsoft Graph for the tenant: an app token by the client-credentials flow (MSAL4J, which caches it until
 * shortly before it expires), JSON over HTTPS, pages followed by their {@code @odata.nextLink}, and Graph's
 * throttling answered as Graph asks: 429 and 503 are tried again after their {@code Retry-After}.
 */
@Component
class GraphClient {

    static final int TRIES = 5;
    /** A longer wait than this is not spent holding a job thread: the job fails and the engine retries it later. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    private final TenantConnection connection;
    private final ObjectMapper json;
    private volatile TenantSettings builtFor;
    private volatile ConfidentialClientApplication tokens;
    private volatile com.microsoft.aad.msal4j.IAuthenticationResult token;
    private volatile HttpClient http;

    GraphClient(TenantConnection connection, ObjectMapper json) {
        this.connection = connection;
        this.json = json;
    }

    /** The tenant's settings; after a change of tenant, the token and connections of the old one are dropped. */
    private TenantSettings settings() {
        TenantSettings current = connection.settings();
        if (current != builtFor) {
            synchronized (this) {
                if (current != builtFor) {
                    tokens = null;
                    http = null;
                    token = null;
                    builtFor = current;
                }
            }
        }
        return current;
    }

    /** One resource or page, {@code path} relative to the Graph base address or a whole link Graph gave. */
    JsonNode get(String pathOrLink) {
        return send(HttpRequest.newBuilder(uri(pathOrLink)).GET());
    }

    /** A POST of a JSON body ({@code $batch}, an action); Graph's answer. */
    JsonNode post(String path, JsonNode body) {
        try {
            return send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("Not a JSON body: " + e.getMessage(), e);
        }
    }

    private URI uri(String pathOrLink) {
        if (pathOrLink.startsWith("https://") || pathOrLink.startsWith("http://")) {
            return URI.create(pathOrLink);
        }
        String base = settings().graphUrl().toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathOrLink);
    }

    private JsonNode send(HttpRequest.Builder request) {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<InputStream> response;
            try {
                response = http().send(
                                request.copy()
                                        .header("Authorization", "Bearer " + token())
                                        .header("Accept", "application/json")
                                        .timeout(Duration.ofSeconds(60))
                                        .build(),
                                HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new GraphException("Microsoft Graph did not answer: " + e.getMessage(), 0, null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GraphException("Interrupted while waiting for Microsoft Graph", 0, null, e);
            }
            int status = response.statusCode();
            JsonNode body = read(response);
            if (status < 300) {
                return body;
            }
            if (status == 401 && attempt == 1) {
                // A token Entra ID revoked or an app secret rotated: one new token, once.
                forgetToken();
                continue;
            }
            if ((status == 429 || status == 503) && attempt < TRIES) {
                Duration wait = GraphThrottling.retryAfter(
                        response.headers().firstValue("Retry-After").orElse(null));
                if (wait.compareTo(LONGEST_WAIT) <= 0) {
                    GraphThrottling.pause(wait);
                    continue;
                }
            }
            throw GraphException.of(status, body);
        }
    }

    private JsonNode read(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            byte[] bytes = in.readAllBytes();
            return bytes.length == 0 ? json.createObjectNode() : json.readTree(bytes);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /**
     * The app's token, asked for again five minutes before it expires (MSAL4J's own cache does not find tokens
     * of an authority it was told not to discover, so LicenseFlow keeps the one it has).
     */
    private String token() {
        settings();
        com.microsoft.aad.msal4j.IAuthenticationResult current = token;
        if (current != null
                && current.expiresOnDate()
                        .toInstant()
                        .isAfter(java.time.Instant.now().plusSeconds(300))) {
            return current.accessToken();
        }
        try {
            current = tokens().acquireToken(
                            ClientCredentialParameters.builder(Set.of(scope())).build())
                    .get();
            token = current;
            return current.accessToken();
        } catch (ExecutionException e) {
            throw new GraphException(
                    "Microsoft Entra ID refused LicenseFlow's app a token for tenant "
                            + settings().tenantId() + ": " + e.getCause().getMessage()
                            + " (check licenseflow.tenant.client-id and client-secret)",
                    401,
                    "InvalidAuthenticationToken",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GraphException("Interrupted while asking for a token", 0, null, e);
        }
    }

    /** The next call asks Entra ID for a new token. */
    void forgetToken() {
        token = null;
    }

    /** Graph's app permissions, as the app registration grants them: {@code licenseflow.tenant.token-scope}. */
    private String scope() {
        return settings().tokenScope();
    }

    private ConfidentialClientApplication tokens() {
        if (tokens == null) {
            synchronized (this) {
                if (tokens == null) {
                    try {
                        String authority = settings().tokenUrl().toString().replaceAll("/+$", "") + "/"
                                + settings().tenantId() + "/";
                        var builder = ConfidentialClientApplication.builder(
                                        settings().clientId(), credential())
                                .authority(authority);
                        if (!authority.startsWith("https://login.microsoftonline.com/")) {
                            // A national cloud or a stand-in: take the address as given, without asking Microsoft about
                            // it.
                            builder.instanceDiscovery(false).validateAuthority(false);
                        }
                        builder.sslSocketFactory(sslContext().getSocketFactory());
                        tokens = builder.build();
                    } catch (IOException | GeneralSecurityException e) {
                        throw new IllegalStateException(
                                "licenseflow.tenant: cannot set up the token client: " + e.getMessage(), e);
                    }
                }
            }
        }
        return tokens;
    }

    /** The app's certificate when one is set (each token request signed with its key), else its client secret. */
    private IClientCredential credential() throws IOException, GeneralSecurityException {
        if (settings().clientCertificate() == null) {
            return ClientCredentialFactory.createFromSecret(settings().clientSecret());
        }
        AppCertificate app = AppCertificate.read(settings().clientCertificate());
        return ClientCredentialFactory.createFromCertificate(app.key(), app.certificate());
    }

    private HttpClient http() {
        settings();
        if (http == null) {
            synchronized (this) {
                if (http == null) {
                    try {
                        http = HttpClient.newBuilder()
                                .sslContext(sslContext())
                                .connectTimeout(Duration.ofSeconds(10))
                                .followRedirects(HttpClient.Redirect.NORMAL)
                                .build();
                    } catch (IOException | GeneralSecurityException e) {
                        throw new IllegalStateException("licenseflow.tenant.trust-certificate: " + e.getMessage(), e);
                    }
                }
            }
        }
        return http;
    }

    /** Java's trusted certificates, and the configured one besides them. */
    private SSLContext sslContext() throws IOException, GeneralSecurityException {
        if (settings().trustCertificate() == null) {
            return SSLContext.getDefault();
        }
        TrustManagerFactory javas = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        javas.init((KeyStore) null);
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        int i = 0;
        for (var manager : javas.getTrustManagers()) {
            if (manager instanceof javax.net.ssl.X509TrustManager x509) {
                for (X509Certificate certificate : x509.getAcceptedIssuers()) {
                    trusted.setCertificateEntry("java-" + i++, certificate);
                }
            }
        }
        try (InputStream pem = Files.newInputStream(settings().trustCertificate())) {
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(pem)) {
                trusted.setCertificateEntry("configured-" + i++, certificate);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
