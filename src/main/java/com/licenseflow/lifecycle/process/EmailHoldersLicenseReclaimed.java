package com.licenseflow.lifecycle.process;

import com.licenseflow.inventory.LicenseLedger;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.lifecycle.IdleLicenseReclaim;
import com.licenseflow.notification.MailStep;
import com.licenseflow.notification.MailStepContext;
import com.licenseflow.notification.Notification;
import com.licenseflow.notification.NotificationKind;
import com.licenseflow.shared.Words;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** One email per reclaimed license to its holder: which, why, and until when their data is kept. */
@Component("emailHoldersLicenseReclaimed")
class EmailHoldersLicenseReclaimed implements MailStep {

    private final IdleLicenseReclaim reclaim;
    private final DirectoryRepository directory;
    private final LicenseLedger ledger;

    EmailHoldersLicenseReclaimed(IdleLicenseReclaim reclaim, DirectoryRepository directory, LicenseLedger ledger) {
        this.reclaim = reclaim;
        this.directory = directory;
        this.ledger = ledger;
    }

    @Override
    public List<Notification> mails(MailStepContext step) {
        String reviewer = step.variable(ReclaimVariables.REVIEWER) == null
                ? ""
                : step.variable(ReclaimVariables.REVIEWER).toString();
        List<IdleLicenseReclaim.IdleLicense> reclaimed = reclaim.reclaimedFor(step.processInstanceId(), reviewer);
        boolean recertification = !reclaimed.isEmpty() && reclaim.isRecertification(step.processInstanceId());
        Map<String, DirectoryUser> holders = directory.findAll(reclaimed.stream()
                .map(IdleLicenseReclaim.IdleLicense::userId)
                .distinct()
                .toList());
        return reclaimed.stream()
                .map(license -> {
                    DirectoryUser holder = holders.get(license.userId());
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("product", license.productName());
                    model.put(
                            "why",
                            recertification
                                    ? "it was not confirmed as still needed in a license recertification"
                                    : "it was not being used (" + license.why() + ")");
                    model.put("dataKeptUntil", Words.day(ledger.dataKeptUntil()));
                    return new Notification(
                            "license-reclaimed:" + step.processInstanceId() + ":" + license.assignmentId(),
                            NotificationKind.LICENSE_RECLAIMED,
                            holder.email(),
                            holder.displayName(),
                            model,
                            step.processInstanceId(),
                            null,
                            null);
                })
                .toList();
    }
}
