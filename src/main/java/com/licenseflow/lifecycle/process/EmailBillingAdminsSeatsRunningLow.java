package com.licenseflow.lifecycle.process;

import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.lifecycle.LowSeatAlerts;
import com.licenseflow.notification.MailStep;
import com.licenseflow.notification.MailStepContext;
import com.licenseflow.notification.Notification;
import com.licenseflow.notification.NotificationKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** One email per product newly low on seats and billing admin, with the trend and where to buy seats. */
@Component("emailBillingAdminsSeatsRunningLow")
class EmailBillingAdminsSeatsRunningLow implements MailStep {

    private final LowSeatAlerts alerts;
    private final DirectoryRepository directory;

    EmailBillingAdminsSeatsRunningLow(LowSeatAlerts alerts, DirectoryRepository directory) {
        this.alerts = alerts;
        this.directory = directory;
    }

    @Override
    public List<Notification> mails(MailStepContext step) {
        List<DirectoryUser> billingAdmins = directory.withAnyRole(Set.of(AdminRole.BILLING_ADMIN));
        List<Notification> mails = new ArrayList<>();
        for (LowSeatAlerts.LowProduct low : alerts.foundBy(step.processInstanceId())) {
            for (DirectoryUser admin : billingAdmins) {
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("product", low.alert().productName());
                model.put("freeSeats", low.alert().freeSeats());
                model.put("totalSeats", low.alert().totalSeats());
                model.put("threshold", low.alert().thresholdWords());
                model.put("trend", low.trend());
                mails.add(new Notification(
                        "low-seats:" + low.alert().productId() + ":"
                                + low.crossedAt().toEpochMilli() + ":" + admin.id(),
                        NotificationKind.LOW_SEATS,
                        admin.email(),
                        admin.displayName(),
                        model,
                        step.processInstanceId(),
                        null,
                        null));
            }
        }
        return mails;
    }
}
