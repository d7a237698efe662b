package com.licenseflow.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every answer names the node that gave it ({@code X-LicenseFlow-Node}); and calls that reach the
 * database (LicenseFlow's API, the engine's REST API, the webapps' engine API) are served at most
 * {@code licenseflow.web.max-concurrent-requests} at a time. A call that finds no turn within
 * {@code queue-wait} is answered 503 with Retry-After, so a burst slows callers down instead of
 * taking every database connection from the job executor, whose failed jobs would be retried
 * minutes later.
 */
@Configuration
class BackPressure {

    static final String NODE_HEADER = "X-LicenseFlow-Node";

    @Bean
    public FilterRegistrationBean<OncePerRequestFilter> backPressureFilter(WebSettings settings, NodeSettings node) {
        Semaphore turns = new Semaphore(settings.maxConcurrentRequests(), true);
        long waitMillis = settings.queueWait().toMillis();
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        response.setHeader(NODE_HEADER, node.id());
                        if (!reachesDatabase(request.getRequestURI()
                                .substring(request.getContextPath().length()))) {
                            chain.doFilter(request, response);
                            return;
                        }
                        boolean turn;
                        try {
                            turn = turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            turn = false;
                        }
                        if (!turn) {
                            ServiceUnavailable.answer(
                                    response,
                                    1,
                                    "Busy",
                                    "LicenseFlow is handling as much as it can right "
                                            + "now; nothing was changed. Try again in a second.");
                            return;
                        }
                        try {
                            chain.doFilter(request, response);
                        } finally {
                            turns.release();
                        }
                    }
                });
        registration.setName("licenseflow-back-pressure");
        registration.addUrlPatterns("/*");
        // Right after the startup gate, before security: a refused call costs no password check.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    static boolean reachesDatabase(String path) {
        return path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/");
    }
}
