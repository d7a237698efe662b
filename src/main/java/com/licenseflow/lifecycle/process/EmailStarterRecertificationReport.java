package com.licenseflow.lifecycle.process;

import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.lifecycle.IdleLicenseReclaim;
import com.licenseflow.notification.MailStep;
import com.licenseflow.notification.MailStepContext;
import com.licenseflow.notification.Notification;
import com.licenseflow.notification.NotificationKind;
import com.licenseflow.shared.Money;
import com.licenseflow.workflow.ProcessDecisions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The campaign's report to the admin who started it: confirmed, removed, defaulted, money saved. */
@Component("emailStarterRecertificationReport")
class EmailStarterRecertificationReport implements MailStep {

    private final Money money;
    private final IdleLicenseReclaim reclaim;
    private final DirectoryRepository directory;
    private final ProcessDecisions decisions;

    EmailStarterRecertificationReport(
            Money money, IdleLicenseReclaim reclaim, DirectoryRepository directory, ProcessDecisions decisions) {
        this.money = money;
        this.reclaim = reclaim;
        this.directory = directory;
        this.decisions = decisions;
    }

    @Override
    public List<Notification> mails(MailStepContext step) {
        IdleLicenseReclaim.RunReport report = reclaim.report(step.processInstanceId());
        return decisions.lastDecider(step.processInstanceId(), ProcessDecisions.START).flatMap(directory::find).stream()
                .map(starter -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("product", report.productName());
                    model.put("summary", report.summary(money));
                    return new Notification(
                            "recertification-report:" + report.id(),
                            NotificationKind.RECERTIFICATION_REPORT,
                            starter.email(),
                            starter.displayName(),
                            model,
                            step.processInstanceId(),
                            null,
                            null);
                })
                .toList();
    }
}
