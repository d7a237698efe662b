package com.licenseflow.notification;

import java.util.function.Function;

/**
 * Where an email step stands: its process instance, the execution that reached it (a reminder's
 * timer firing, a branch) and the variables visible there, read when asked for.
 */
public record MailStepContext(
        String processInstanceId, String executionId, String activityId, Function<String, Object> variables) {

    public Object variable(String name) {
        return variables.apply(name);
    }
}
