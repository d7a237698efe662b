package com.licenseflow.identity.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The console's login is the Camunda webapps' session: whoever is logged in to Tasklist or Cockpit is
 * logged in to the console, and logging out of either logs out of both. Read afresh on every request,
 * so nothing of the login is kept twice.
 */
class WebappSessionAuthentication extends OncePerRequestFilter {

    static final String ENGINE = "default";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        UserAuthentication user = session == null ? null : loggedIn(session);
        if (user == null) {
            chain.doFilter(request, response);
            return;
        }
        List<SimpleGrantedAuthority> groups = user.getGroupIds() == null
                ? List.of()
                : user.getGroupIds().stream().map(SimpleGrantedAuthority::new).toList();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getName(), null, groups));
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static UserAuthentication loggedIn(HttpSession session) {
        Authentications all = AuthenticationUtil.getAuthsFromSession(session);
        return all == null || !all.hasAuthenticationForProcessEngine(ENGINE)
                ? null
                : (UserAuthentication) all.getAuthenticationForProcessEngine(ENGINE);
    }
}
