package com.licenseflow.workflow.takeover;

import com.licenseflow.workflow.RecordCompletingUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The task listener of subscription-takeover.bpmn that only records who completed a task. */
@Configuration
public class TakeoverListeners {

    /** The admin who completes a task is the one the takeover's next steps act (and are audited) for. */
    @Bean
    public TaskListener recordTakeoverAdmin(IdentityService identity) {
        return new RecordCompletingUser(identity, TakeoverVariables.TAKEOVER_ADMIN_ID,
                "take over self-service subscriptions");
    }
}
