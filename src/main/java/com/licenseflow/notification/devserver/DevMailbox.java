package com.licenseflow.notification.devserver;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.notification.MailVisibility;
import com.licenseflow.shared.Rule;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * What the embedded SMTP server received, for a developer to read: admins see every message,
 * everyone else the messages addressed to them (as for recorded notifications).
 */
public class DevMailbox {

    private final EmbeddedSmtpServer server;
    private final MailVisibility visibility;

    public DevMailbox(EmbeddedSmtpServer server, MailVisibility visibility) {
        this.server = server;
        this.visibility = visibility;
    }

    /** Newest first, without bodies. */
    public List<DevMail> recent(Actor actor) {
        List<MimeMessage> received = server.received();
        List<DevMail> visible = new ArrayList<>();
        for (int i = received.size() - 1; i >= 0; i--) {
            if (mayRead(actor, received.get(i))) {
                visible.add(DevMail.summary(i + 1, received.get(i)));
            }
        }
        return visible;
    }

    public DevMail get(Actor actor, int number) {
        List<MimeMessage> received = server.received();
        if (number < 1 || number > received.size() || !mayRead(actor, received.get(number - 1))) {
            throw Rule.UNKNOWN_NOTIFICATION.violation("The development mailbox holds no message " + number
                    + " that you may read. GET /api/dev-mailbox lists the ones you may read.");
        }
        return DevMail.full(number, received.get(number - 1));
    }

    private boolean mayRead(Actor actor, MimeMessage message) {
        try {
            return visibility.mayRead(actor, DevMail.recipients(message));
        } catch (MessagingException e) {
            return false;
        }
    }
}
