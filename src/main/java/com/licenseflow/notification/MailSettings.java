package com.licenseflow.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code licenseflow.mail.*}. The SMTP server itself is configured with the standard
 * {@code spring.mail.*} properties; without {@code spring.mail.host} an embedded development
 * server receives the mail (see README, "Email").
 *
 * @param from           the sender of every notification, e.g. {@code LicenseFlow <licenses@example.com>}
 * @param embeddedServer the development SMTP server
 * @param worker         the worker that carries out the processes' email steps
 */
@ConfigurationProperties("licenseflow.mail")
public record MailSettings(String from, EmbeddedServer embeddedServer, Worker worker) {

    /**
     * @param enabled      carries out email steps (off in tests, which run them themselves)
     * @param pollInterval how long it waits after finding no email step to do
     * @param lockDuration how long a step is its alone; a node that dies holding one frees it after this
     * @param retries      attempts before an email step becomes an incident in Cockpit
     * @param retryAfter   the wait before the next attempt
     */
    public record Worker(
            boolean enabled, Duration pollInterval, Duration lockDuration, int retries, Duration retryAfter) {}

    /**
     * @param enabled runs the embedded server; when left unset it runs exactly when {@code spring.mail.host} is unset
     * @param port    its SMTP port on 127.0.0.1; 0 picks a free one (tests)
     */
    public record EmbeddedServer(Boolean enabled, int port) {}
}
