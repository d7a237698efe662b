package com.licenseflow.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * What a browser or a proxy may keep. Answers of LicenseFlow's API and the engine's (refusals included) carry
 * people's licenses and tasks: nothing keeps them ({@code no-store}). The webapps' scripts, styles and fonts
 * (several MB, which Camunda serves with no caching header at all) are kept and asked for again with their
 * ETag: a browser then loads them from its cache, with the scripts already compiled, and a new version of the
 * webapps is seen at once.
 */
@Configuration
class CachingHeaders {

    private static final Pattern WEBAPP_ASSET =
            Pattern.compile("^/camunda/(app|lib|assets|plugin)/.*\\.(js|css|woff2?|ttf|eot|svg|png|gif|ico|json)$");

    private static final String CACHE_CONTROL = "Cache-Control";
    private static final String NO_STORE = "no-store";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> cachingHeadersFilter() {
        ShallowEtagHeaderFilter etags = new ShallowEtagHeaderFilter();
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        String path = request.getRequestURI()
                                .substring(request.getContextPath().length());
                        if (BackPressure.reachesDatabase(path)) {
                            response.setHeader(CACHE_CONTROL, NO_STORE);
                            chain.doFilter(request, new NoStore(response));
                        } else if (WEBAPP_ASSET.matcher(path).matches()) {
                            response.setHeader(CACHE_CONTROL, "no-cache");
                            etags.doFilter(request, response, chain);
                        } else {
                            chain.doFilter(request, response);
                        }
                    }
                });
        registration.setName("licenseflow-caching-headers");
        registration.addUrlPatterns("/*");
        // Before everything that answers, refusals of the back pressure and the login included.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Keeps {@code no-store} whatever the engine's REST API or Spring Security would set instead. */
    private static final class NoStore extends HttpServletResponseWrapper {

        NoStore(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, CACHE_CONTROL.equalsIgnoreCase(name) ? NO_STORE : value);
        }

        @Override
        public void addHeader(String name, String value) {
            if (!CACHE_CONTROL.equalsIgnoreCase(name)) {
                super.addHeader(name, value);
            }
        }
    }
}
