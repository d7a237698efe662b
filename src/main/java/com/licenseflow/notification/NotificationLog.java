package com.licenseflow.notification;

import com.licenseflow.inventory.access.Actor;
import com.licenseflow.shared.Page;
import com.licenseflow.shared.PageRequest;
import com.licenseflow.shared.Rule;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Every recorded notification as people may see it: admins all of them, others those addressed to them. */
@Service
public class NotificationLog {

    private final NotificationStore store;
    private final MailVisibility visibility;

    public NotificationLog(NotificationStore store, MailVisibility visibility) {
        this.store = store;
        this.visibility = visibility;
    }

    /** A page, newest first: admins see everyone's mail, everyone else the mail addressed to them. */
    public Page<NotificationRecord> page(Actor actor, NotificationFilter filter, PageRequest page) {
        Optional<String> own = visibility.restrictedTo(actor);
        if (own.isEmpty()) {
            return store.page(filter, page);
        }
        if (filter.recipient() != null && !filter.recipient().equalsIgnoreCase(own.get())) {
            return Page.of(List.of(), page, 0);
        }
        return store.page(filter.toRecipient(own.get()), page);
    }

    public NotificationRecord get(Actor actor, long id) {
        return store.byId(id)
                .filter(n -> visibility.mayRead(actor, List.of(n.recipientEmail())))
                .orElseThrow(() -> Rule.UNKNOWN_NOTIFICATION.violation("There is no notification " + id
                        + " that you may read. GET /api/notifications lists the ones you may read: "
                        + "administrators see all, everyone else the mail addressed to them."));
    }
}
