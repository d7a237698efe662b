package com.licenseflow.lifecycle.process;

import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.lifecycle.IdleLicenseReclaim;
import com.licenseflow.notification.MailStep;
import com.licenseflow.notification.MailStepContext;
import com.licenseflow.notification.Notification;
import com.licenseflow.notification.NotificationKind;
import com.licenseflow.shared.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The run's report to the License admins: found, kept, reclaimed, defaulted, and the money saved per month. */
@Component("emailLicenseAdminsReclaimReport")
class EmailLicenseAdminsReclaimReport implements MailStep {

    private final Money money;
    private final IdleLicenseReclaim reclaim;
    private final DirectoryRepository directory;

    EmailLicenseAdminsReclaimReport(Money money, IdleLicenseReclaim reclaim, DirectoryRepository directory) {
        this.money = money;
        this.reclaim = reclaim;
        this.directory = directory;
    }

    @Override
    public List<Notification> mails(MailStepContext step) {
        IdleLicenseReclaim.RunReport report = reclaim.report(step.processInstanceId());
        return directory.withAnyRole(Set.of(AdminRole.LICENSE_ADMIN)).stream()
                .map(admin -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("product", report.productName());
                    model.put("summary", report.summary(money));
                    model.put("seatsFreed", report.reclaimed());
                    model.put("monthlySaving", money.of(report.monthlySaving()));
                    return new Notification(
                            "reclaim-report:" + report.id() + ":" + admin.id(),
                            NotificationKind.RECLAIM_REPORT,
                            admin.email(),
                            admin.displayName(),
                            model,
                            step.processInstanceId(),
                            null,
                            null);
                })
                .toList();
    }
}
