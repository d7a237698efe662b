package com.licenseflow.notification.web;

import com.licenseflow.inventory.web.CurrentActor;
import com.licenseflow.notification.devserver.DevMail;
import com.licenseflow.notification.devserver.DevMailbox;
import com.licenseflow.shared.Rule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the embedded development SMTP server received; there only while it runs (no spring.mail.host). */
@Tag(name = "Email")
@RestController
@RequestMapping("/api/dev-mailbox")
public class DevMailboxController {

    private final ObjectProvider<DevMailbox> mailbox;
    private final CurrentActor actor;

    public DevMailboxController(ObjectProvider<DevMailbox> mailbox, CurrentActor actor) {
        this.mailbox = mailbox;
        this.actor = actor;
    }

    @Operation(
            summary = "What the development SMTP server received",
            description =
                    "The embedded server's mailbox; 404 when a real SMTP server is configured. Admins see all; others the mail addressed to them.")
    @GetMapping
    public List<DevMail> messages() {
        return mailbox().recent(actor.get());
    }

    @Operation(summary = "One message the development SMTP server received", description = "Headers, text and HTML.")
    @GetMapping("/{number}")
    public DevMail message(@PathVariable int number) {
        return mailbox().get(actor.get(), number);
    }

    private DevMailbox mailbox() {
        DevMailbox available = mailbox.getIfAvailable();
        if (available == null) {
            throw Rule.DEV_MAILBOX_UNAVAILABLE.violation("There is no development mailbox: mail goes to the SMTP "
                    + "server set in spring.mail.host, so read it there. GET /api/notifications shows what "
                    + "LicenseFlow sent and whether it was delivered.");
        }
        return available;
    }
}
