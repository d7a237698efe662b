package com.licenseflow.notification;

import java.util.List;

/**
 * An email step of a process: an external task whose topic is the bean's name
 * ({@code camunda:type="external" camunda:topic="emailEveryUserTheOutcome"}), carried out by the
 * {@link MailWorker} once the transaction that reached it has committed. It composes the step's
 * emails from what the process instance decided; composing again on a retry gives the same
 * messages with the same idempotency keys, so none goes out twice.
 */
public interface MailStep {

    /** The emails of this step, composed in a read-only transaction. */
    List<Notification> mails(MailStepContext step);
}
