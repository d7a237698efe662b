package com.licenseflow.lifecycle.process;

import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.lifecycle.SubscriptionRenewals;
import com.licenseflow.notification.MailStep;
import com.licenseflow.notification.MailStepContext;
import com.licenseflow.notification.Notification;
import com.licenseflow.notification.NotificationKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** To every billing admin: what became of the term on its end day. */
@Component("emailBillingAdminsTermEnded")
class EmailBillingAdminsTermEnded implements MailStep {

    private final SubscriptionRenewals renewals;
    private final DirectoryRepository directory;

    EmailBillingAdminsTermEnded(SubscriptionRenewals renewals, DirectoryRepository directory) {
        this.renewals = renewals;
        this.directory = directory;
    }

    @Override
    public List<Notification> mails(MailStepContext step) {
        SubscriptionRenewals.Review review = renewals.review(step.processInstanceId());
        String outcome = renewals.outcomeWords(step.processInstanceId());
        return directory.withAnyRole(Set.of(AdminRole.BILLING_ADMIN)).stream()
                .map(admin -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("product", review.productName() + (review.trial() ? " trial" : ""));
                    model.put("outcome", outcome);
                    return new Notification(
                            "term-ended:" + step.processInstanceId() + ":" + admin.id(),
                            NotificationKind.TERM_ENDED,
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
