package com.licenseflow.notification;

import java.util.List;
import java.util.Locale;

/**
 * What an email is about. Each kind has a subject, a plain-text and an HTML template in
 * {@code src/main/resources/templates/mail/<module>/<kind-in-kebab-case>.{subject,txt,html}.mustache}.
 *
 * <p>The model a caller passes holds the keys listed per kind; values are rendered with
 * {@code toString()} (pass names and formatted dates, not entities), "users" is a list of display
 * names. Required keys must be present and not null; a missing one is refused before anything is
 * recorded. Every template also gets these keys, which the caller does not pass:
 * {@code recipientName}, {@code appUrl} ({@code licenseflow.public-url}), {@code tasklistUrl},
 * and, when the notification names them, {@code licenseRequestId}, {@code subscriptionId},
 * {@code subscriptionUrl} and {@code processInstanceId}.
 */
public enum NotificationKind {

    /** R10: a user in a license request got the license. Required: {@code product}. Optional: {@code message} (the approver's, R9), {@code requester} (when someone else asked for them). */
    LICENSE_REQUEST_APPROVED("product"),

    /** R10/R6: a user in a request was denied. Required: {@code product}. Optional: {@code message} (the approver's, R9), {@code requester}. */
    LICENSE_REQUEST_DENIED("product"),

    /** The request was never decided and expired. Required: {@code product}. Optional: {@code requestedOn}. */
    LICENSE_REQUEST_EXPIRED("product"),

    /** To an approver: a request waits for review. Required: {@code product}, {@code requester}, {@code users}. Optional: {@code requestedOn}. */
    LICENSE_REQUEST_REMINDER("product", "requester", "users"),

    /** To the holders of a license that ends and their managers: when, and how to ask for an extension. Required: {@code product}, {@code endsOn}, {@code users}. */
    LICENSE_ENDS_SOON("product", "endsOn", "users"),

    /** To a user whose license ended on its end date. Required: {@code product}, {@code endsOn}, {@code dataKeptUntil}. */
    LICENSE_ENDED("product", "endsOn", "dataKeptUntil"),

    /** To billing admins: a product's free seats fell below its alert threshold. Required: {@code product}, {@code freeSeats}, {@code totalSeats}, {@code threshold} (in words), {@code trend} (in words). */
    LOW_SEATS("product", "freeSeats", "totalSeats", "threshold", "trend"),

    /** To a user whose idle license was reclaimed. Required: {@code product}, {@code why} (in words, after "because": "it was not being used (no sign-in since 3 Aug 2026)"), {@code dataKeptUntil}. */
    LICENSE_RECLAIMED("product", "why", "dataKeptUntil"),

    /** To billing admins: a subscription's term ends soon. Required: {@code product}, {@code endsOn}, {@code daysLeft} ("30 days"), {@code seatsUsed} ("8 of 10 seats used"), {@code suggestion} ("9 seats"). */
    RENEWAL_DUE("product", "endsOn", "daysLeft", "seatsUsed", "suggestion"),

    /** To billing admins: what became of a term on its end day. Required: {@code product}, {@code outcome} (in words). */
    TERM_ENDED("product", "outcome"),

    /** To a user who lost a license because its subscription ended. Required: {@code product}, {@code endsOn}, {@code dataKeptUntil}. */
    SUBSCRIPTION_ENDED("product", "endsOn", "dataKeptUntil"),

    /** To a manager who has not recertified their people's licenses yet. Required: {@code product} ("every product" or one), {@code count} ("3 licenses"), {@code deadline}. */
    RECERTIFICATION_REMINDER("product", "count", "deadline"),

    /** To the admin who started a recertification campaign: its outcome. Required: {@code product}, {@code summary}. */
    RECERTIFICATION_REPORT("product", "summary"),

    /** To License admins: a reclaim run's outcome. Required: {@code product} ("every product", or the one the run was for), {@code summary}, {@code seatsFreed}, {@code monthlySaving}. */
    RECLAIM_REPORT("product", "summary", "seatsFreed", "monthlySaving"),

    /** S6, to the purchaser: their users were moved to another subscription, theirs is cancelled (Deleted). Required: {@code product}, {@code users}. */
    SUBSCRIPTION_MOVED_AND_CANCELLED("product", "users"),

    /** S6, to the purchaser: most users moved, but Microsoft 365 refused to move some, and the subscription is kept for them. Required: {@code product}, {@code users} (moved), {@code stayed} (each "name: why"). */
    SUBSCRIPTION_MOVED_IN_PART("product", "users", "stayed"),

    /** S7, to the purchaser: an admin cancelled their self-service subscription; its users lost access. Required: {@code product}, {@code reason}, {@code users}. */
    SUBSCRIPTION_CANCELLED("product", "reason", "users"),

    /** A10, to the purchaser: recurring billing is off, the subscription ends at the end of its term. Required: {@code product}, {@code endsOn}. */
    SUBSCRIPTION_ENDS_AT_TERM("product", "endsOn"),

    /** S5, to a purchaser: their users now have central licenses, please cancel the subscription. Required: {@code product}, {@code users}. Optional: {@code deadline}. */
    CENTRALIZATION_CANCEL_REQUEST("product", "users"),

    /** S5, to a purchaser: reminder of the cancel request. Required: {@code product}, {@code users}, {@code deadline}. */
    CENTRALIZATION_REMINDER("product", "users", "deadline"),

    /** S5, to the admin: the centralization's outcome. Required: {@code product}, {@code users} (centralized), {@code cancelledSubscriptions} (in words: "2 self-service subscriptions"), {@code savings} (e.g. "EUR 27.00 per month"). */
    CENTRALIZATION_SUMMARY("product", "users", "cancelledSubscriptions", "savings");

    private final List<String> requiredKeys;

    NotificationKind(String... requiredKeys) {
        this.requiredKeys = List.of(requiredKeys);
    }

    public List<String> requiredKeys() {
        return requiredKeys;
    }

    /**
     * The templates' path below templates/mail/, in the folder of the module that sends the kind:
     * LICENSE_REQUEST_APPROVED reads request/license-request-approved.*.mustache (every LICENSE_ kind but
     * LICENSE_RECLAIMED is the request module's).
     */
    public String templateName() {
        return module() + "/" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The module whose process sends this kind of email. */
    public String module() {
        if (this == LOW_SEATS
                || this == LICENSE_RECLAIMED
                || this == RECLAIM_REPORT
                || this == RENEWAL_DUE
                || this == TERM_ENDED
                || this == SUBSCRIPTION_ENDED
                || name().startsWith("RECERTIFICATION_")) {
            return "lifecycle";
        }
        if (name().startsWith("LICENSE_")) {
            return "request";
        }
        return name().startsWith("CENTRALIZATION_") ? "centralization" : "takeover";
    }
}
