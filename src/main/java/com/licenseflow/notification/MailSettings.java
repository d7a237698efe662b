package com.licenseflow.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code licenseflow.mail.*}. The SMTP server itself is configured with the standard
 * {@code spring.mail.*} properties; without {@code spring.mail.host} an embedded development
 * server receives the mail (see README, "Email").
 *
 * @param from           the sender of every notification, e.g. {@code LicenseFlow <licenses@example.com>}
 * @param embeddedServer the development SMTP server
 */
@ConfigurationProperties("licenseflow.mail")
public record MailSettings(@DefaultValue("LicenseFlow <licenseflow@localhost>") String from,
                           @DefaultValue EmbeddedServer embeddedServer) {

    /**
     * @param enabled runs the embedded server; when left unset it runs exactly when {@code spring.mail.host} is unset
     * @param port    its SMTP port on 127.0.0.1; 0 picks a free one (tests)
     */
    public record EmbeddedServer(Boolean enabled, @DefaultValue("3025") int port) {
    }
}
