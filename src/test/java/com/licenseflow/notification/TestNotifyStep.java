package com.licenseflow.notification;

import java.util.List;
import java.util.Map;
import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The "Notify" step of the test process, written as the real processes' notify delegates are: it
 * composes the message from the process and hands it to {@link NotificationService#deliver}.
 * A test-classpath component, like {@link TestDecisionStep}.
 */
@Component("testNotify")
@ProcessBean
class TestNotifyStep implements JavaDelegate {

    private final NotificationService notifications;

    TestNotifyStep(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (!Boolean.TRUE.equals(execution.getVariable("approved"))) {
            throw new IllegalStateException("Notify ran without an approval");
        }
        notifications.deliver(List.of(new Notification(key(execution.getProcessInstanceId()),
                NotificationKind.LICENSE_REQUEST_APPROVED, (String) execution.getVariable("recipientEmail"),
                (String) execution.getVariable("recipientName"), Map.of("product", execution.getVariable("product")),
                execution.getProcessInstanceId(), null, execution.getBusinessKey())));
    }

    static String key(String processInstanceId) {
        return "test-process/" + processInstanceId + "/approved";
    }
}
