package com.licenseflow.notification;

/** Which notifications to list; null fields are not filtered on. */
public record NotificationFilter(
        String processInstanceId,
        Long subscriptionId,
        String licenseRequestId,
        NotificationStatus status,
        String recipient) {

    public NotificationFilter toRecipient(String email) {
        return new NotificationFilter(processInstanceId, subscriptionId, licenseRequestId, status, email);
    }
}
