package com.licenseflow.lifecycle.process;

import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.lifecycle.IdleLicenseReclaim;
import com.licenseflow.notification.MailStep;
import com.licenseflow.notification.MailStepContext;
import com.licenseflow.notification.Notification;
import com.licenseflow.notification.NotificationKind;
import com.licenseflow.shared.Words;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A reviewer who has not answered yet (the License admins for holders without a manager): how many, and by when. */
@Component("emailReviewerRecertificationReminder")
class EmailReviewerRecertificationReminder implements MailStep {

    private final IdleLicenseReclaim reclaim;
    private final DirectoryRepository directory;

    EmailReviewerRecertificationReminder(IdleLicenseReclaim reclaim, DirectoryRepository directory) {
        this.reclaim = reclaim;
        this.directory = directory;
    }

    @Override
    public List<Notification> mails(MailStepContext step) {
        Object value = step.variable(ReclaimVariables.REVIEWER);
        String reviewer = value == null ? "" : value.toString();
        IdleLicenseReclaim.Review review = reclaim.review(step.processInstanceId(), reviewer);
        long open = review.licenses().stream()
                .filter(l -> "OPEN".equals(l.decision()))
                .count();
        if (open == 0) {
            return List.of();
        }
        List<DirectoryUser> to = reviewer.isEmpty()
                ? directory.withAnyRole(Set.of(AdminRole.LICENSE_ADMIN))
                : directory.findAll(List.of(reviewer)).values().stream().toList();
        String product = reclaim.report(step.processInstanceId()).productName();
        return to.stream()
                .map(person -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("product", product);
                    model.put("count", Words.count(open, "license", "licenses"));
                    model.put("deadline", Words.moment(review.due(), ZoneId.systemDefault()));
                    return new Notification(
                            "recertification-reminder:" + step.executionId() + ":" + person.id(),
                            NotificationKind.RECERTIFICATION_REMINDER,
                            person.email(),
                            person.displayName(),
                            model,
                            step.processInstanceId(),
                            null,
                            null);
                })
                .toList();
    }
}
