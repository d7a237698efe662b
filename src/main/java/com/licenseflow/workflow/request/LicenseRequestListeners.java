package com.licenseflow.workflow.request;

import com.licenseflow.workflow.RecordCompletingUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The task listeners of license-request.bpmn that only record who completed a task. */
@Configuration
public class LicenseRequestListeners {

    @Bean
    public TaskListener recordReviewer(IdentityService identity) {
        return new RecordCompletingUser(identity, RequestVariables.REVIEWER_ID, "review license requests");
    }

    @Bean
    public TaskListener recordShortageResolver(IdentityService identity) {
        return new RecordCompletingUser(identity, RequestVariables.SHORTAGE_RESOLVED_BY, "resolve a seat shortage");
    }
}
