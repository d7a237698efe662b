package com.licenseflow.identity;

import com.licenseflow.inventory.access.AdminRole;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licenseflow.sign-in.*}: how people sign in.
 *
 * @param provider     {@code camunda}: user names and passwords kept by Camunda (the demo, organisations without
 *                     Entra ID; HTTP Basic for the APIs); {@code entra-id}: Microsoft Entra ID by OpenID Connect for
 *                     Tasklist, Cockpit, Admin and the console, and its bearer tokens for /api and /engine-rest
 * @param issuerUri    the token issuer, {@code https://login.microsoftonline.com/<tenant-id>/v2.0}
 * @param clientId     LicenseFlow's app registration (the one of the tenant connection may serve)
 * @param clientSecret its client secret (from the environment)
 * @param audience     the audience bearer tokens for /api must carry (unset: the client id)
 * @param nameClaims   the claims naming the user, the first present wins; matched to a directory user's user
 *                     principal name or email (the {@code oid} claim is matched to the user's id in the tenant first)
 * @param rolesClaim   the claim carrying the user's app roles (or groups)
 * @param roles        each app role (or group) mapped to the LicenseFlow admin role it gives
 */
@ConfigurationProperties("licenseflow.sign-in")
public record SignInSettings(
        Provider provider,
        String issuerUri,
        String clientId,
        String clientSecret,
        String audience,
        List<String> nameClaims,
        String rolesClaim,
        Map<String, AdminRole> roles) {

    public enum Provider {
        CAMUNDA,
        ENTRA_ID
    }

    public SignInSettings {
        if (provider == null) {
            throw new IllegalArgumentException("licenseflow.sign-in.provider must be camunda or entra-id");
        }
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        nameClaims = nameClaims == null ? List.of() : List.copyOf(nameClaims);
        if (provider == Provider.ENTRA_ID) {
            for (String[] required :
                    new String[][] {{"issuer-uri", issuerUri}, {"client-id", clientId}, {"client-secret", clientSecret}
                    }) {
                if (required[1] == null || required[1].isBlank()) {
                    throw new IllegalArgumentException(
                            "licenseflow.sign-in.provider is entra-id, so licenseflow.sign-in."
                                    + required[0] + " must be set (LICENSEFLOW_SIGN_IN_"
                                    + required[0].toUpperCase().replace('-', '_')
                                    + "): see the README, \"Signing in with Microsoft Entra ID\"");
                }
            }
        }
    }

    /** The audience bearer tokens must carry. */
    public String expectedAudience() {
        return audience == null || audience.isBlank() ? clientId : audience;
    }
}
