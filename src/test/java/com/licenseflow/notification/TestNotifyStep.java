package com.licenseflow.notification;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The "Notify" email step of the test process, written as the real processes' email steps are: it
 * composes the message from the process; the mail worker delivers it. A test-classpath component,
 * like {@link TestDecisionStep}.
 */
@Component("testNotify")
class TestNotifyStep implements MailStep {

    @Override
    public List<Notification> mails(MailStepContext step) {
        if (!Boolean.TRUE.equals(step.variable("approved"))) {
            throw new IllegalStateException("Notify ran without an approval");
        }
        return List.of(new Notification(
                key(step.processInstanceId()),
                NotificationKind.LICENSE_REQUEST_APPROVED,
                (String) step.variable("recipientEmail"),
                (String) step.variable("recipientName"),
                Map.of("product", step.variable("product")),
                step.processInstanceId(),
                null,
                null));
    }

    static String key(String processInstanceId) {
        return "test-process/" + processInstanceId + "/approved";
    }
}
