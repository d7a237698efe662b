package com.licenseflow.notification;

import com.licenseflow.config.PublicUrl;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Hands one recorded notification to the SMTP server as a plain-text + HTML email. */
@Component
public class SmtpMailer {

    private final JavaMailSender sender;
    private final InternetAddress from;
    private final String messageIdDomain;

    public SmtpMailer(JavaMailSender sender, MailSettings settings, PublicUrl publicUrl) {
        this.sender = sender;
        this.from = MailHeaders.sender(settings.from());
        this.messageIdDomain = publicUrl.host();
    }

    /** Returns once the SMTP server accepted the message; throws when it did not. */
    public void send(NotificationRecord notification) throws MailException {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper mail = new MimeMessageHelper(message, true, "UTF-8");
            mail.setFrom(from);
            mail.setTo(MailHeaders.recipient(notification.recipientEmail(), notification.recipientName()));
            mail.setSubject(MailHeaders.singleLine(notification.subject()));
            mail.setText(notification.textBody(), notification.htmlBody());
            // JavaMailSenderImpl keeps an explicitly set Message-ID instead of generating one.
            message.setHeader("Message-ID", messageId(notification));
        } catch (MessagingException e) {
            throw new MailPreparationException(
                    "Could not build the email for notification " + notification.idempotencyKey() + ": "
                            + e.getMessage(),
                    e);
        }
        sender.send(message);
    }

    public String messageId(NotificationRecord notification) {
        return MailHeaders.messageId(notification.idempotencyKey(), messageIdDomain);
    }
}
