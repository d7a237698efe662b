package com.licenseflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.notification.devserver.DevMail;
import com.licenseflow.notification.devserver.DevMailbox;
import java.util.Comparator;
import java.util.List;

/**
 * The mail the embedded SMTP server (GreenMail) received, per recipient. Tests send to addresses no
 * other test uses, so they never see each other's mail.
 */
public final class Inbox {

    private static final Actor READER = Actor.of("inbox-reader", AdminRole.GLOBAL_ADMIN);

    private final DevMailbox mailbox;

    public Inbox(DevMailbox mailbox) {
        this.mailbox = mailbox;
    }

    /** Every message that went to this address (To, Cc or Bcc), oldest first, with headers and bodies. */
    public List<DevMail> to(String email) {
        return mailbox.recent(READER).stream()
                .sorted(Comparator.comparingInt(DevMail::number))
                .filter(mail -> mail.recipients().stream().anyMatch(email::equalsIgnoreCase))
                .map(mail -> mailbox.get(READER, mail.number()))
                .toList();
    }

    public DevMail onlyMessageTo(String email) {
        List<DevMail> received = to(email);
        assertThat(received).as("messages received for " + email).hasSize(1);
        return received.get(0);
    }
}
