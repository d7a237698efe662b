package com.licenseflow.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The web server listens before the start has finished setting up who may do what (Camunda
 * authorizations, the first administrator, demo data, removing demo logins). Until the application
 * is ready every request is answered 503 with Retry-After, so nobody is served by a half-set-up
 * installation.
 */
@Configuration
class StartupGate {

    @Bean
    public FilterRegistrationBean<OncePerRequestFilter> startupGateFilter(ApplicationAvailability availability) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
                            ServiceUnavailable.answer(
                                    response, 5, "Starting", "LicenseFlow is starting. Try again in a few seconds.");
                            return;
                        }
                        chain.doFilter(request, response);
                    }
                });
        registration.setName("licenseflow-startup-gate");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
