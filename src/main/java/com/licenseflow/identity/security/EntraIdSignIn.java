package com.licenseflow.identity.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.licenseflow.config.PublicUrl;
import com.licenseflow.identity.SignInSettings;
import com.licenseflow.inventory.directory.Directory;
import jakarta.servlet.DispatcherType;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Sign-in with Microsoft Entra ID ({@code licenseflow.sign-in.provider=entra-id}): OpenID Connect for Tasklist,
 * Cockpit, Admin and the console (Spring Security's OAuth2 client, the user handed to the webapps through Camunda's
 * container-based authentication), bearer tokens for /api and /engine-rest (its resource server). Either way the
 * token must name a directory user; their admin roles come from the token's app roles, mapped in configuration.
 * HTTP Basic and Camunda's passwords are not used in this mode.
 */
@Configuration
@ConditionalOnProperty(prefix = "licenseflow.sign-in", name = "provider", havingValue = "entra-id")
class EntraIdSignIn {

    static final String REGISTRATION = "entra-id";

    private final SignInSettings settings;
    private final SignedInUsers users;

    EntraIdSignIn(SignInSettings settings, Directory directory) {
        this.settings = settings;
        this.users = new SignedInUsers(directory, settings);
    }

    @Bean
    ClientRegistrationRepository entraIdRegistration() {
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                .registrationId(REGISTRATION)
                .clientName("Microsoft Entra ID")
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .scope("openid", "profile", "email")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    /** Bearer tokens of the issuer, for LicenseFlow's audience, unexpired. */
    @Bean
    JwtDecoder bearerTokens() {
        NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(settings.issuerUri());
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(settings.issuerUri()),
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(settings.expectedAudience())
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(new OAuth2Error(
                                "invalid_token",
                                "The token is not for LicenseFlow (audience " + settings.expectedAudience() + ")",
                                null))));
        return decoder;
    }

    /** /api and /engine-rest: a bearer token per call, no session. */
    @Bean
    @Order(1)
    SecurityFilterChain bearerTokenApis(
            HttpSecurity http, ObjectMapper json, PublicUrl publicUrl, IdentityService identityService)
            throws Exception {
        return http
                // Paths within the application, whichever servlet serves them (/engine-rest is Jersey's, not Spring
                // MVC's).
                .securityMatcher(new OrRequestMatcher(path("/api/**"), path("/engine-rest/**")))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(this::signedInByToken))
                        .authenticationEntryPoint(SecurityConfiguration.askToLogIn(
                                json,
                                "Bearer",
                                failure ->
                                        "Send a Microsoft Entra ID access token for LicenseFlow (Authorization: Bearer ...)"
                                                + (failure.getMessage() == null ? "." : ": " + failure.getMessage()))))
                .with(new SecurityConfiguration.StatelessApi(publicUrl, identityService), api -> {})
                .build();
    }

    /** The webapps, the console and the sign-in itself: OpenID Connect, a session. */
    @Bean
    @Order(2)
    SecurityFilterChain openIdConnectSignIn(
            HttpSecurity http, IdentityService identityService, ClientRegistrationRepository registrations)
            throws Exception {
        return http.securityMatcher(new OrRequestMatcher(
                        path("/camunda/**"), path("/console/**"), path("/oauth2/**"), path("/login/**")))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                path("/camunda/app/**"), path("/camunda/api/**"), path("/console/**"))
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .oauth2Login(login -> login.userInfoEndpoint(info -> info.oidcUserService(signedInByOpenIdConnect()))
                        .loginPage("/oauth2/authorization/" + REGISTRATION))
                // The console's "Log out" and the webapps' (what their header's menu sends): out of Entra ID too.
                .logout(logout -> logout.logoutRequestMatcher(new OrRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/console/logout"),
                                PathPatternRequestMatcher.withDefaults()
                                        .matcher(HttpMethod.POST, "/camunda/api/admin/auth/user/{engine}/logout")))
                        .logoutSuccessHandler(new SignOutOfEntraId(registrations)))
                // The webapps send Camunda's own CSRF header; the console's forms carry Spring's token.
                .csrf(csrf -> csrf.ignoringRequestMatchers(path("/camunda/**")))
                .addFilterAfter(
                        new EngineAuthenticationFilter(identityService),
                        org.springframework.security.web.authentication.AnonymousAuthenticationFilter.class)
                .build();
    }

    /** After Spring Security's chain: the signed-in user into the webapps' session, as Camunda's OAuth2 starter does. */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappsSignedInUser() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("licenseflow-webapps-signed-in-user");
        registration.setInitParameters(Map.of(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, SpringSecurityUser.class.getName()));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /** The engine REST API's login: the bearer token's user (Spring Security checked the token before). */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("camunda-auth");
        registration.addInitParameter(
                ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM, SpringSecurityUser.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(SecurityConfiguration.ENGINE_REST_AUTHENTICATION);
        return registration;
    }

    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    private JwtAuthenticationToken signedInByToken(Jwt jwt) {
        try {
            SignedInUsers.SignedIn signedIn = users.resolve(jwt.getClaims());
            return new JwtAuthenticationToken(
                    jwt, signedIn.groups(), signedIn.user().id());
        } catch (SignedInUsers.NotInDirectory unknown) {
            throw new OAuth2AuthenticationException(
                    new OAuth2Error("invalid_token", unknown.getMessage(), null), unknown.getMessage());
        }
    }

    private OAuth2UserService<OidcUserRequest, OidcUser> signedInByOpenIdConnect() {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser user = standard.loadUser(request);
            SignedInUsers.SignedIn signedIn;
            try {
                signedIn = users.resolve(user.getClaims());
            } catch (SignedInUsers.NotInDirectory unknown) {
                throw new OAuth2AuthenticationException(
                        new OAuth2Error("access_denied", unknown.getMessage(), null), unknown.getMessage());
            }
            return new DirectoryOidcUser(signedIn, user);
        };
    }

    /** The principal's name is the directory user's id: who decides in Tasklist, who changes licenses. */
    static final class DirectoryOidcUser extends DefaultOidcUser {

        private final String directoryId;

        DirectoryOidcUser(SignedInUsers.SignedIn signedIn, OidcUser user) {
            super(signedIn.groups(), user.getIdToken(), user.getUserInfo());
            this.directoryId = signedIn.user().id();
        }

        @Override
        public String getName() {
            return directoryId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof DirectoryOidcUser that
                    && directoryId.equals(that.directoryId)
                    && super.equals(other);
        }

        @Override
        public int hashCode() {
            return directoryId.hashCode();
        }
    }
}
