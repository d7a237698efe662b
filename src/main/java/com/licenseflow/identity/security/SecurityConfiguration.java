package com.licenseflow.identity.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.licenseflow.config.PublicUrl;
import com.licenseflow.identity.EngineApiGuard;
import com.licenseflow.identity.LoginThrottle;
import com.licenseflow.identity.SameOriginWrites;
import com.licenseflow.identity.SecuritySettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * /api/** is ours: HTTP Basic against Camunda's users, no session, no CSRF token (no cookies are
 * used) but no writes from other sites either. /engine-rest/** is logged in by Camunda's own
 * ProcessEngineAuthenticationFilter; the Camunda webapps under /camunda keep their own login. In
 * front of both engine APIs LicenseFlow's {@link EngineApiGuard} decides who may reach what, and a
 * {@link LoginThrottle} slows down password guessing at every door.
 */
@Configuration
class SecurityConfiguration {

    static final int ENGINE_REST_AUTHENTICATION = 0;

    @Bean
    @ConditionalOnProperty(
            prefix = "licenseflow.sign-in",
            name = "provider",
            havingValue = "camunda",
            matchIfMissing = true)
    public SecurityFilterChain apiSecurity(
            HttpSecurity http, IdentityService identityService, ObjectMapper json, PublicUrl publicUrl)
            throws Exception {
        return http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(askToLogIn(
                        json, "Basic", failure -> "Log in with your LicenseFlow user name and password (HTTP Basic).")))
                .with(new StatelessApi(publicUrl, identityService), api -> {})
                .build();
    }

    /**
     * An API not logged in: the scheme's challenge ({@code WWW-Authenticate}) and a problem detail saying, in words,
     * how to log in.
     */
    static AuthenticationEntryPoint askToLogIn(
            ObjectMapper json, String scheme, Function<AuthenticationException, String> words) {
        return (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", scheme + " realm=\"LicenseFlow\"");
            writeProblem(json, response, HttpStatus.UNAUTHORIZED, words.apply(failure));
        };
    }

    /**
     * What every API chain shares, whatever its login: a login per call and no session, so no cookie and no CSRF
     * token (a browser's remembered login is kept from other sites by {@link SameOriginWrites} instead), and the
     * engine told who calls.
     */
    static final class StatelessApi extends AbstractHttpConfigurer<StatelessApi, HttpSecurity> {

        private final PublicUrl publicUrl;
        private final IdentityService identityService;

        StatelessApi(PublicUrl publicUrl, IdentityService identityService) {
            this.publicUrl = publicUrl;
            this.identityService = identityService;
        }

        @Override
        public void init(HttpSecurity http) throws Exception {
            http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .csrf(csrf -> csrf.disable())
                    .addFilterBefore(new SameOriginWrites(publicUrl.base()), BasicAuthenticationFilter.class)
                    .addFilterAfter(new EngineAuthenticationFilter(identityService), BasicAuthenticationFilter.class);
        }
    }

    /**
     * The console's pages: logged in through the Camunda webapps' session (see
     * {@link WebappSessionAuthentication}), forms protected by Spring Security's CSRF token, not logged
     * in: to the login page and back to where the person was going.
     */
    @Bean
    @ConditionalOnProperty(
            prefix = "licenseflow.sign-in",
            name = "provider",
            havingValue = "camunda",
            matchIfMissing = true)
    public SecurityFilterChain consoleSecurity(HttpSecurity http, IdentityService identityService) throws Exception {
        return http.securityMatcher("/console/**")
                .authorizeHttpRequests(requests -> requests.requestMatchers("/console/login", "/console/assets/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .exceptionHandling(handling -> handling.authenticationEntryPoint((request, response, failure) -> {
                    String query = request.getQueryString();
                    String back = request.getRequestURI()
                                    .substring(request.getContextPath().length())
                            + (query == null ? "" : "?" + query);
                    String login = request.getContextPath() + "/console/login?next="
                            + URLEncoder.encode(back, StandardCharsets.UTF_8);
                    if (request.getHeader("HX-Request") != null) {
                        // htmx swaps answers into the page; this makes it load the login page instead.
                        response.setHeader("HX-Redirect", login);
                        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    } else {
                        response.sendRedirect(login);
                    }
                }))
                // The webapps' session is the login; Spring keeps no copy of it.
                .securityContext(
                        context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .addFilterBefore(new WebappSessionAuthentication(), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new EngineAuthenticationFilter(identityService), AnonymousAuthenticationFilter.class)
                .build();
    }

    @Bean
    @ConditionalOnProperty(
            prefix = "licenseflow.sign-in",
            name = "provider",
            havingValue = "camunda",
            matchIfMissing = true)
    public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-auth");
        registration.addInitParameter(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(ENGINE_REST_AUTHENTICATION);
        return registration;
    }

    /**
     * After the engine REST login (it needs to know who calls), before any engine resource. Filters
     * are created before everything else; the guard asks for the engine only when a request comes,
     * so the engine still starts after the database migrations.
     */
    @Bean
    public FilterRegistrationBean<EngineApiGuard> engineApiGuard(
            ObjectProvider<ProcessEngine> engine, SecuritySettings settings) {
        Set<String> operators =
                settings.operatorGroup() == null || settings.operatorGroup().isBlank()
                        ? Set.of()
                        : Set.of(settings.operatorGroup().trim());
        FilterRegistrationBean<EngineApiGuard> registration =
                new FilterRegistrationBean<>(new EngineApiGuard(engine::getObject, operators));
        registration.setName("licenseflow-engine-api-guard");
        registration.addUrlPatterns("/*");
        registration.setOrder(ENGINE_REST_AUTHENTICATION + 1);
        return registration;
    }

    /** Every answer, also the ones the engine REST login gives before anything else runs. */
    @Bean
    public FilterRegistrationBean<OncePerRequestFilter> noSniff() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        response.setHeader("X-Content-Type-Options", "nosniff");
                        chain.doFilter(request, response);
                    }
                });
        registration.setName("licenseflow-nosniff");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Before every login check (Spring Security's chain, the engine REST login, the webapps' login form). */
    @Bean
    public FilterRegistrationBean<LoginThrottle> loginThrottle(SecuritySettings settings, Clock clock) {
        FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(
                new LoginThrottle(settings.loginFailuresBeforeDelay(), settings.maxLoginDelay(), clock));
        registration.setName("licenseflow-login-throttle");
        registration.addUrlPatterns("/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }

    static void writeProblem(ObjectMapper json, HttpServletResponse response, HttpStatus status, String detail)
            throws java.io.IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
