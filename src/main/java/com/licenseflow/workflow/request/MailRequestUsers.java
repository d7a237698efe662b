package com.licenseflow.workflow.request;

import static com.licenseflow.workflow.request.RequestVariables.LICENSE_REQUEST_ID;

import com.licenseflow.domain.request.LicenseRequest;
import com.licenseflow.domain.request.LicenseRequestRepository;
import com.licenseflow.notification.Notification;
import com.licenseflow.notification.NotificationService;
import com.licenseflow.workflow.FormValues;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * An email step of license-request.bpmn: composes the mails for the request and delivers them.
 * Runs as an asynchronous step, so only after the decision it reports on has committed.
 */
public class MailRequestUsers implements JavaDelegate {

    private final LicenseRequestRepository requests;
    private final NotificationService notifications;
    private final Function<LicenseRequest, List<Notification>> compose;

    public MailRequestUsers(LicenseRequestRepository requests, NotificationService notifications,
                            Function<LicenseRequest, List<Notification>> compose) {
        this.requests = requests;
        this.notifications = notifications;
        this.compose = compose;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.deliver(compose.apply(requests.require(FormValues.string(execution, LICENSE_REQUEST_ID))));
    }
}
