package com.licenseflow.workflow.takeover;

import com.licenseflow.notification.Notification;
import com.licenseflow.notification.NotificationService;
import java.util.List;
import java.util.function.LongFunction;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * An email step of subscription-takeover.bpmn: composes the purchaser's mail for the takeover and
 * delivers it. Runs as an asynchronous step, so only after the change it reports on has committed.
 */
public class MailPurchaser implements JavaDelegate {

    private final NotificationService notifications;
    private final TakeoverStepContext steps;
    private final LongFunction<List<Notification>> compose;

    public MailPurchaser(NotificationService notifications, TakeoverStepContext steps,
                         LongFunction<List<Notification>> compose) {
        this.notifications = notifications;
        this.steps = steps;
        this.compose = compose;
    }

    @Override
    public void execute(DelegateExecution execution) {
        notifications.deliver(compose.apply(steps.takeoverId(execution)));
    }
}
