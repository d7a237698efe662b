package com.licenseflow.lifecycle.process;

import com.licenseflow.inventory.access.AdminRole;
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
import java.util.Set;
import org.springframework.stereotype.Component;

/** To every billing admin: a term ends in so many days, with seats used against bought and the suggestion. */
@Component("emailBillingAdminsRenewalDue")
class EmailBillingAdminsRenewalDue implements MailStep {

    private final SubscriptionRenewals renewals;
    private final DirectoryRepository directory;

    EmailBillingAdminsRenewalDue(SubscriptionRenewals renewals, DirectoryRepository directory) {
        this.renewals = renewals;
        this.directory = directory;
    }

    @Override
    public List<Notification> mails(MailStepContext step) {
        SubscriptionRenewals.Review review = renewals.review(step.processInstanceId());
        return directory.withAnyRole(Set.of(AdminRole.BILLING_ADMIN)).stream()
                .map(admin -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("product", review.productName() + (review.trial() ? " trial" : ""));
                    model.put("endsOn", Words.day(review.subscription().expiresOn()));
                    model.put("daysLeft", Words.count(review.daysLeft(), "day", "days"));
                    model.put("seatsUsed", review.seatsUsed());
                    model.put("suggestion", Words.count(review.suggestedSeats(), "seat", "seats"));
                    return new Notification(
                            "renewal-due:" + step.processInstanceId() + ":" + review.lastAlertDays() + ":" + admin.id(),
                            NotificationKind.RENEWAL_DUE,
                            admin.email(),
                            admin.displayName(),
                            model,
                            step.processInstanceId(),
                            review.subscription().id(),
                            null);
                })
                .toList();
    }
}
