package com.licenseflow.notification.devserver;

import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded SMTP server runs when {@code licenseflow.mail.embedded-server.enabled} says so, and,
 * when that is left unset, exactly when no real SMTP server is configured ({@code spring.mail.host}).
 * Read through the Binder so that every spelling Spring Boot accepts counts (e.g. environment
 * variables such as LICENSEFLOW_MAIL_EMBEDDEDSERVER_ENABLED).
 */
class EmbeddedSmtpCondition extends SpringBootCondition {

    private static final String ENABLED = "licenseflow.mail.embedded-server.enabled";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Binder binder = Binder.get(context.getEnvironment());
        Optional<Boolean> enabled =
                binder.bind(ENABLED, Boolean.class).map(Optional::of).orElse(Optional.empty());
        if (enabled.isPresent()) {
            return enabled.get()
                    ? ConditionOutcome.match(ENABLED + " is true")
                    : ConditionOutcome.noMatch(ENABLED + " is false");
        }
        return StringUtils.hasText(binder.bind("spring.mail.host", String.class).orElse(null))
                ? ConditionOutcome.noMatch("spring.mail.host is set: mail goes to that server")
                : ConditionOutcome.match("spring.mail.host is not set");
    }
}
