package com.licenseflow.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * /api changes nothing for another web site: a browser that holds an /api login (HTTP Basic is
 * remembered) and is made to send a POST, PUT, PATCH or DELETE from someone else's page is refused,
 * by its Origin header or its Sec-Fetch-Site header. Scripts and API clients send neither and are
 * unaffected.
 */
public class SameOriginWrites extends OncePerRequestFilter {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final String publicOrigin;

    public SameOriginWrites(String publicUrl) {
        this.publicOrigin = origin(URI.create(publicUrl));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (WRITES.contains(request.getMethod().toUpperCase(Locale.ROOT)) && crossSite(request)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write("{\"status\":403,\"title\":\"Cross-site request\",\"rule\":\"CROSS_SITE_REQUEST\","
                            + "\"detail\":\"Changes through the LicenseFlow API cannot come from another web site's page. "
                            + "Nothing was changed.\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        if (origin.equals("null")) {
            return true;
        }
        String own = request.getScheme() + "://" + request.getServerName()
                + (defaultPort(request.getScheme(), request.getServerPort()) ? "" : ":" + request.getServerPort());
        String given = origin(URI.create(origin));
        return !given.equalsIgnoreCase(own) && !given.equalsIgnoreCase(publicOrigin);
    }

    private static String origin(URI uri) {
        int port = uri.getPort();
        return uri.getScheme() + "://" + uri.getHost()
                + (port < 0 || defaultPort(uri.getScheme(), port) ? "" : ":" + port);
    }

    private static boolean defaultPort(String scheme, int port) {
        return ("http".equalsIgnoreCase(scheme) && port == 80) || ("https".equalsIgnoreCase(scheme) && port == 443);
    }
}
