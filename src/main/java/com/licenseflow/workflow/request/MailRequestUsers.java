package com.licenseflow.workflow.request;

import com.licenseflow.domain.request.LicenseRequest;
import com.licenseflow.notification.Notification;
import com.licenseflow.notification.NotificationService;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * An email step of license-request.bpmn: composes the mails for the request and delivers them.
 * Runs as an asynchronous step, so only after the decision it reports on has committed.
 */
public class MailRequestUsers implements JavaDelegate {

    private final LicenseRequestOfInstance requests;
    private final NotificationService notifications;
    private final Function<LicenseRequest, List<Notification>> compose;

    public MailRequestUsers(LicenseRequestOfInstance requests, NotificationService notifications,
                            Function<LicenseRequest, List<Notification>> compose) {
        this.requests = requests;
        this.notifications = notifications;
        this.compose = compose;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.deliver(compose.apply(requests.of(execution)));
    }
}
