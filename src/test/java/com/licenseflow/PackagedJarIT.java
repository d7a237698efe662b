package com.licenseflow;

import static org.assertj.core.api.Assertions.assertThat;

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
        Api.Response form = api.as("alice").get("/engine-rest/process-definition/key/license-request/deployed-start-form");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.json().path("id").asText()).isEqualTo("request-license");
    }

    @Test
    void aRequestMadeThroughTheApiOpensAReviewTaskWithItsForm() {
        Api.Response created = api.as("noah").post("/api/license-requests",
                "{\"product\":\"Project Plan 3\",\"colleagues\":[\"milan@contoso.example\"],"
                        + "\"justification\":\"Packaged jar check\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String processInstance = created.json().path("processInstanceId").asText();

        Api.Response tasks = api.as("alice").get("/engine-rest/task?processInstanceId=" + processInstance);
        assertThat(tasks.json()).hasSize(1);
        Api.Response form = api.as("alice").get("/engine-rest/task/" + tasks.json().get(0).path("id").asText()
                + "/deployed-form");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.json().path("id").asText()).isEqualTo("review-license-request");
    }
}
