package com.licenseflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.support.Api;
import com.licenseflow.support.PackagedApplication;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, started as a user would start it (java -jar), deploys the models with their
 * forms: formRef with binding "deployment" resolves from inside the Spring Boot fat jar too.
 */
class PackagedJarIT {

    private final Api api = PackagedApplication.get().api();

    @Test
    void theStartFormIsServedFromTheDeployment() {
        Api.Response form =
                api.as("alice").get("/engine-rest/process-definition/key/license-request/deployed-start-form");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.json().path("id").asText()).isEqualTo("request-license");
    }

    @Test
    void aRequestMadeThroughTheApiOpensItsFirstApprovalTaskWithItsForm() {
        Api.Response created = api.as("noah")
                .post(
                        "/api/license-requests",
                        "{\"product\":\"Project Plan 3\",\"colleagues\":[\"milan@contoso.example\"],"
                                + "\"justification\":\"Packaged jar check\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String processInstance = created.json().path("processInstanceId").asText();

        // Project Plan 3 costs over 20.00 a month: Noah's manager (Alice) first, then a Global administrator.
        Api.Response tasks = api.as("alice").get("/engine-rest/task?processInstanceId=" + processInstance);
        assertThat(tasks.json()).hasSize(1);
        assertThat(tasks.json().get(0).path("assignee").asText()).isEqualTo("alice");
        Api.Response form = api.as("alice")
                .get("/engine-rest/task/" + tasks.json().get(0).path("id").asText() + "/deployed-form");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.json().path("id").asText()).isEqualTo("approve-license-request");
    }

    @Test
    void theApiReferenceIsServedToLoggedInUsersOnly() {
        assertThat(api.get("/api/openapi").status()).as("anonymous").isEqualTo(401);
        Api.Response reference = api.as("noah").get("/api/openapi");
        assertThat(reference.status()).as(reference.body()).isEqualTo(200);
        JsonNode paths = reference.json().path("paths");
        assertThat(paths.path("/api/license-requests")
                        .path("post")
                        .path("summary")
                        .asText())
                .isEqualTo("R1 ask for a license");
        assertThat(paths.path("/api/subscriptions/{id}/takeover")
                        .path("post")
                        .path("description")
                        .asText())
                .contains("Global and billing admins");
        assertThat(paths.fieldNames())
                .toIterable()
                .allMatch(path -> path.startsWith("/api/"))
                .contains("/api/licenses", "/api/centralizations", "/api/self-service/purchases", "/api/audit");
        assertThat(reference
                        .json()
                        .path("components")
                        .path("securitySchemes")
                        .path("login")
                        .path("scheme")
                        .asText())
                .isEqualTo("basic");
        Api.Response ui = api.as("noah").get("/api/docs");
        assertThat(ui.status()).as("Swagger UI").isIn(200, 302);
    }
}
