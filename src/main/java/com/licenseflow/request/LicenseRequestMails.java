package com.licenseflow.request;

import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.notification.Notification;
import com.licenseflow.notification.NotificationKind;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Which emails a license request sends, to whom, with what: R10 (every user learns the outcome,
 * with the approver's message, R9), expiry, and reminders to approvers. Idempotency keys name the
 * request, the occasion and the recipient, so a retried step never mails anyone twice.
 */
@Component
public class LicenseRequestMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

    /** R10: approved users hear which product they got, denied users that they did not. */
    public List<Notification> outcome(LicenseRequest request) {
        return outcome(request, Map.of());
    }

    /**
     * R10 with a Microsoft 365 tenant: users Microsoft 365 refused ({@code refusedBy}: why, by user id) and an admin
     * left out hear that it was approved but could not be assigned, and why.
     */
    public List<Notification> outcome(LicenseRequest request, Map<String, String> refusedBy) {
        String granted = granted(request);
        return request.users().stream()
                .map(user -> {
                    boolean approved = user.outcome() == UserOutcome.APPROVED;
                    Map<String, Object> model = base(request, user);
                    String refusal = approved ? null : refusedBy.get(user.userId());
                    model.put("product", approved || refusal != null ? granted : request.productName());
                    if (refusal != null) {
                        model.put("refusal", refusal);
                    }
                    if (request.decisionMessage() != null) {
                        model.put("message", request.decisionMessage());
                    }
                    return mail(
                            request,
                            "outcome",
                            user,
                            approved
                                    ? NotificationKind.LICENSE_REQUEST_APPROVED
                                    : NotificationKind.LICENSE_REQUEST_DENIED,
                            model);
                })
                .toList();
    }

    public List<Notification> expired(LicenseRequest request) {
        return request.users().stream()
                .map(user -> {
                    Map<String, Object> model = base(request, user);
                    model.put("product", request.productName());
                    return mail(request, "expired", user, NotificationKind.LICENSE_REQUEST_EXPIRED, model);
                })
                .toList();
    }

    /** One reminder per approver per occasion; {@code occasion} tells this reminder from the previous ones. */
    public List<Notification> reminder(LicenseRequest request, List<DirectoryUser> approvers, String occasion) {
        List<String> names =
                request.users().stream().map(RequestedUser::displayName).toList();
        // The requester cannot decide their own request (four-eyes), so they are not reminded to.
        return approvers.stream()
                .filter(a -> !a.id().equals(request.requesterId()))
                .map(approver -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("product", request.productName());
                    model.put("requester", request.requesterName());
                    model.put("users", names);
                    model.put("requestedOn", day(request));
                    return new Notification(
                            "license-request:" + request.id() + ":reminder:" + occasion + ":" + approver.id(),
                            NotificationKind.LICENSE_REQUEST_REMINDER,
                            approver.email(),
                            approver.displayName(),
                            model,
                            request.processInstanceId(),
                            null,
                            request.id());
                })
                .toList();
    }

    /** Before a license ends: to its holders and their managers, with the way to ask for an extension. */
    public List<Notification> endsSoon(
            LicenseRequest request, List<DirectoryUser> holders, List<DirectoryUser> recipients, String occasion) {
        List<String> names = holders.stream().map(DirectoryUser::displayName).toList();
        return recipients.stream()
                .map(recipient -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("product", granted(request));
                    model.put("endsOn", DAY.format(request.endsOn()));
                    model.put("users", names);
                    return new Notification(
                            "license-request:" + request.id() + ":ends-soon:" + occasion + ":" + recipient.id(),
                            NotificationKind.LICENSE_ENDS_SOON,
                            recipient.email(),
                            recipient.displayName(),
                            model,
                            request.processInstanceId(),
                            null,
                            request.id());
                })
                .toList();
    }

    /** A license ended on its end date: to each user who lost it. */
    public List<Notification> ended(LicenseRequest request, List<DirectoryUser> users, LocalDate dataKeptUntil) {
        return users.stream()
                .map(user -> {
                    Map<String, Object> model = new LinkedHashMap<>();
                    model.put("product", granted(request));
                    model.put("endsOn", DAY.format(request.endsOn()));
                    model.put("dataKeptUntil", DAY.format(dataKeptUntil));
                    return new Notification(
                            "license-request:" + request.id() + ":ended:" + request.endsOn() + ":" + user.id(),
                            NotificationKind.LICENSE_ENDED,
                            user.email(),
                            user.displayName(),
                            model,
                            request.processInstanceId(),
                            null,
                            request.id());
                })
                .toList();
    }

    private static String granted(LicenseRequest request) {
        return request.assignedProductName() == null ? request.productName() : request.assignedProductName();
    }

    private static Map<String, Object> base(LicenseRequest request, RequestedUser user) {
        Map<String, Object> model = new LinkedHashMap<>();
        if (!user.userId().equals(request.requesterId())) {
            model.put("requester", request.requesterName());
        }
        model.put("requestedOn", day(request));
        return model;
    }

    private static Notification mail(
            LicenseRequest request,
            String occasion,
            RequestedUser user,
            NotificationKind kind,
            Map<String, Object> model) {
        return new Notification(
                "license-request:" + request.id() + ":" + occasion + ":" + user.userId(),
                kind,
                user.email(),
                user.displayName(),
                model,
                request.processInstanceId(),
                null,
                request.id());
    }

    private static String day(LicenseRequest request) {
        return DAY.format(request.requestedAt().atZone(ZoneId.systemDefault()));
    }
}
