package com.licenseflow.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hands the user Spring Security signed in (by Entra ID's OpenID Connect, or a bearer token) to Camunda: the webapps
 * through Camunda's {@code ContainerBasedAuthenticationFilter}, the engine REST API through its authentication
 * filter, the way Camunda's own OAuth2 starter does. The groups are those the sign-in gave, so Tasklist's candidate
 * groups follow the token. Camunda instantiates it by name, hence public with a constructor of no arguments.
 */
public class SpringSecurityUser extends ContainerBasedAuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        AuthenticationResult result = AuthenticationResult.successful(authentication.getName());
        result.setGroups(authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .toList());
        return result;
    }
}
