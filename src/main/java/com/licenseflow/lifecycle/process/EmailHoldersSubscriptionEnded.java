package com.licenseflow.lifecycle.process;

import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.lifecycle.SubscriptionRenewals;
import com.licenseflow.notification.MailStep;
import com.licenseflow.notification.MailStepContext;
import com.licenseflow.notification.Notification;
import com.licenseflow.notification.NotificationKind;
import com.licenseflow.shared.Words;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** To each user who lost a license when the subscription ended (none when it was renewed or bought). */
@Component("emailHoldersSubscriptionEnded")
class EmailHoldersSubscriptionEnded implements MailStep {

    private final SubscriptionRenewals renewals;
    private final DirectoryRepository directory;
    private final LicenseLedger ledger;

    EmailHoldersSubscriptionEnded(SubscriptionRenewals renewals, DirectoryRepository directory, LicenseLedger ledger) {
        this.renewals = renewals;
        this.directory = directory;
        this.ledger = ledger;
    }

    @Override
    public List<Notification> mails(MailStepContext step) {
        List<String> holders = renewals.endedHolders(step.processInstanceId());
        if (holders.isEmpty()) {
            return List.of();
        }
        SubscriptionRenewals.Review review = renewals.review(step.processInstanceId());
        return directory.findAll(holders).values().stream()
                .map(holder -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("product", review.productName());
                    model.put("endsOn", Words.day(review.subscription().expiresOn()));
                    model.put("dataKeptUntil", Words.day(ledger.dataKeptUntil()));
                    return new Notification(
                            "subscription-ended:" + step.processInstanceId() + ":" + holder.id(),
                            NotificationKind.SUBSCRIPTION_ENDED,
                            holder.email(),
                            holder.displayName(),
                            model,
                            step.processInstanceId(),
                            review.subscription().id(),
                            null);
                })
                .toList();
    }
}
