package com.licenseflow.notification.web;

import com.licenseflow.inventory.web.CurrentActor;
import com.licenseflow.notification.NotificationFilter;
import com.licenseflow.notification.NotificationLog;
import com.licenseflow.notification.NotificationStatus;
import com.licenseflow.notification.SmtpMailer;
import com.licenseflow.shared.PageLinks;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.QueryParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every email LicenseFlow sent or is trying to send: to whom, about what, and how delivery went. */
@Tag(name = "Email")
@RestController
@RequestMapping("/api/notifications")
class NotificationsController {

    private final NotificationLog log;
    private final SmtpMailer mailer;
    private final CurrentActor actor;

    public NotificationsController(NotificationLog log, SmtpMailer mailer, CurrentActor actor) {
        this.log = log;
        this.mailer = mailer;
        this.actor = actor;
    }

    @Operation(
            summary = "Every email recorded, newest first",
            description = "Filters: processInstanceId, subscriptionId, licenseRequestId, status (queued|sent), "
                    + "recipient; `page` (from 1) and `size` (default 50, at most 500), the other pages in the `Link` "
                    + "header, the count in `X-Total-Count`. To, kind, related request or subscription, status, "
                    + "attempts, last error, sent at. Admins see all; others the mail addressed to them.")
    @GetMapping
    public ResponseEntity<List<NotificationJson>> notifications(
            @RequestParam(required = false) String processInstanceId,
            @RequestParam(required = false) Long subscriptionId,
            @RequestParam(required = false) String licenseRequestId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String recipient,
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        NotificationFilter filter = new NotificationFilter(
                processInstanceId,
                subscriptionId,
                licenseRequestId,
                QueryParams.oneOf(NotificationStatus.class, status, "notification status"),
                recipient);
        return PageLinks.answer(
                log.page(actor.get(), filter, PageRequest.of(page, size)).map(NotificationJson::summary));
    }

    @Operation(summary = "One email whole", description = "Subject, text and HTML bodies, Message-ID. As the list.")
    @GetMapping("/{id}")
    public NotificationJson notification(@PathVariable long id) {
        var found = log.get(actor.get(), id);
        return NotificationJson.full(found, mailer.messageId(found));
    }
}
