package com.licenseflow.tenant;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app registration's certificate and its private key, from one PEM file (what Microsoft recommends over a client
 * secret: the secret never travels, each token request is signed). The key must be unencrypted PKCS#8
 * ({@code -----BEGIN PRIVATE KEY-----}) of an RSA key, as Entra ID takes for app certificates.
 */
record AppCertificate(PrivateKey key, X509Certificate certificate) {

    private static final Pattern KEY = block("PRIVATE KEY");
    private static final Pattern CERTIFICATE = block("CERTIFICATE");

    static AppCertificate read(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        Matcher key = KEY.matcher(text);
        if (!key.find()) {
            throw new GeneralSecurityException(pem + " holds no unencrypted PKCS#8 private key (-----BEGIN PRIVATE "
                    + "KEY-----); \"openssl pkcs8 -topk8 -nocrypt -in <key file>\" writes one");
        }
        Matcher certificate = CERTIFICATE.matcher(text);
        if (!certificate.find()) {
            throw new GeneralSecurityException(pem + " holds no certificate (-----BEGIN CERTIFICATE-----): put the "
                    + "certificate uploaded to the app registration in the same file as its key");
        }
        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(
                        new ByteArrayInputStream(certificate.group().getBytes(StandardCharsets.US_ASCII)));
        return new AppCertificate(
                privateKey(
                        Base64.getMimeDecoder().decode(key.group(1)),
                        x509.getPublicKey().getAlgorithm()),
                x509);
    }

    private static PrivateKey privateKey(byte[] pkcs8, String algorithm) throws GeneralSecurityException {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    private static Pattern block(String label) {
        return Pattern.compile("-----BEGIN " + label + "-----([A-Za-z0-9+/=\\s]+)-----END " + label + "-----");
    }
}
