package com.licenseflow.notification.devserver;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded SMTP server runs when {@code licenseflow.mail.embedded-server.enabled} says so, and,
 * when that is left unset, exactly when no real SMTP server is configured ({@code spring.mail.host}).
 */
public class EmbeddedSmtpCondition extends SpringBootCondition {

    static final String ENABLED = "licenseflow.mail.embedded-server.enabled";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Environment environment = context.getEnvironment();
        String enabled = environment.getProperty(ENABLED);
        if (StringUtils.hasText(enabled)) {
            return Boolean.parseBoolean(enabled.trim()) ? ConditionOutcome.match(ENABLED + " is true")
                    : ConditionOutcome.noMatch(ENABLED + " is false");
        }
        return StringUtils.hasText(environment.getProperty("spring.mail.host"))
                ? ConditionOutcome.noMatch("spring.mail.host is set: mail goes to that server")
                : ConditionOutcome.match("spring.mail.host is not set");
    }
}
