package com.licenseflow.identity.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * Logging out of LicenseFlow with Entra ID sign-in ends the Entra ID session too (OpenID Connect RP-initiated logout:
 * Entra ID's end-session endpoint, back to the console, which asks to sign in again); without it, the next page would
 * sign the user straight back in. The console's "Log out" is a form, so the browser follows the redirect; the
 * webapps log out with a script's request, which cannot follow it to another site, so they are told where to go in
 * {@link #HEADER} and go there themselves (webjars/camunda/app/tasklist/scripts/licenseflow-console.js).
 */
final class SignOutOfEntraId extends OidcClientInitiatedLogoutSuccessHandler {

    static final String HEADER = "X-LicenseFlow-Sign-Out";

    SignOutOfEntraId(ClientRegistrationRepository registrations) {
        super(registrations);
        setPostLogoutRedirectUri("{baseUrl}/console/");
        setDefaultTargetUrl("/console/");
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")) {
            response.setHeader(HEADER, determineTargetUrl(request, response, authentication));
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        super.onLogoutSuccess(request, response, authentication);
    }
}
