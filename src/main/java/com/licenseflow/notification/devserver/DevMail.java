package com.licenseflow.notification.devserver;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One message as the embedded SMTP server received it. {@code number} counts from 1 in the order
 * of arrival. Headers, text and HTML are filled in only when one message is read.
 */
public record DevMail(
        int number,
        String messageId,
        String from,
        List<String> recipients,
        String subject,
        Instant receivedAt,
        List<String> headers,
        String text,
        String html) {

    static DevMail summary(int number, MimeMessage message) {
        try {
            return new DevMail(
                    number,
                    message.getMessageID(),
                    addresses(message.getFrom()).stream().findFirst().orElse(null),
                    recipients(message),
                    message.getSubject(),
                    message.getReceivedDate() == null
                            ? null
                            : message.getReceivedDate().toInstant(),
                    null,
                    null,
                    null);
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot read received message " + number + ": " + e.getMessage(), e);
        }
    }

    static DevMail full(int number, MimeMessage message) {
        DevMail summary = summary(number, message);
        try {
            Map<String, String> bodies = new HashMap<>();
            collectBodies(message, bodies);
            return new DevMail(
                    number,
                    summary.messageId(),
                    summary.from(),
                    summary.recipients(),
                    summary.subject(),
                    summary.receivedAt(),
                    Collections.list(message.getAllHeaderLines()),
                    bodies.get("text/plain"),
                    bodies.get("text/html"));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read received message " + number + ": " + e.getMessage(), e);
        }
    }

    /** Every address the message went to (To, Cc and Bcc). */
    static List<String> recipients(MimeMessage message) throws MessagingException {
        return addresses(message.getAllRecipients());
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null
                ? List.of()
                : Arrays.stream(addresses)
                        .map(a -> a instanceof InternetAddress internet ? internet.getAddress() : a.toString())
                        .toList();
    }

    private static void collectBodies(Part part, Map<String, String> bodies) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                collectBodies(parts.getBodyPart(i), bodies);
            }
        } else if (part.isMimeType("text/plain")) {
            bodies.putIfAbsent("text/plain", part.getContent().toString());
        } else if (part.isMimeType("text/html")) {
            bodies.putIfAbsent("text/html", part.getContent().toString());
        }
    }
}
