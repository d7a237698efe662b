package com.licenseflow.notification.devserver;

import com.licenseflow.notification.MailSettings;
import com.licenseflow.notification.MailVisibility;
import java.util.Properties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Without a configured SMTP server, starts the embedded one and points the application's mail
 * sender at it. Spring Boot's own mail sender (from {@code spring.mail.*}) then stands back, as
 * it does for any mail sender the application defines.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedSmtpCondition.class)
class EmbeddedSmtpConfiguration {

    private static final String TIMEOUT_MILLIS = "10000";

    @Bean(initMethod = "start", destroyMethod = "stop")
    public EmbeddedSmtpServer embeddedSmtpServer(MailSettings settings) {
        return new EmbeddedSmtpServer(settings.embeddedServer().port());
    }

    @Bean
    public JavaMailSenderImpl mailSender(EmbeddedSmtpServer server) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(EmbeddedSmtpServer.HOST);
        sender.setPort(server.port());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = sender.getJavaMailProperties();
        properties.setProperty("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.setProperty("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        // GreenMail answers EHLO in several writes without TCP_NODELAY, so every connection stalls
        // about 40 ms on delayed ACKs. HELO's one-line answer does not; the embedded server offers
        // nothing (AUTH, STARTTLS) that EHLO would negotiate.
        properties.setProperty("mail.smtp.ehlo", "false");
        return sender;
    }

    @Bean
    public DevMailbox devMailbox(EmbeddedSmtpServer server, MailVisibility visibility) {
        return new DevMailbox(server, visibility);
    }
}
