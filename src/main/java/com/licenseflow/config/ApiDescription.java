package com.licenseflow.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The head of the OpenAPI description springdoc generates from the controllers (/api/openapi, /api/docs). */
@Configuration
class ApiDescription {

    private static final String LOGIN = "login";

    @Bean
    OpenAPI licenseFlowApi() {
        return new OpenAPI()
                .info(new Info().title("LicenseFlow API").version("1").description("""
                        Software licenses governed as auditable workflows. JSON, HTTP Basic with a LicenseFlow \
                        login. Refusals are RFC 7807 problem details (`application/problem+json`) whose `detail` \
                        says what is wrong and how to fix it and whose `rule` names the rule; nothing is changed by \
                        a refused call. 401 without a valid login, 403 when the caller's role does not allow the \
                        call, 404 for unknown ids, 409 when the inventory's state refuses (seats, conflicts, already \
                        licensed), 422 for invalid input (e.g. more than 20 users). 409 with rule \
                        `CONCURRENT_CHANGE`: the call met another change to the same process and was rolled back \
                        whole; send it again. 503 with `Retry-After`: the node is busy; nothing was changed."""))
                .components(new Components()
                        .addSecuritySchemes(
                                LOGIN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(LOGIN));
    }
}
