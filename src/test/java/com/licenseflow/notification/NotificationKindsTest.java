package com.licenseflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.notification.devserver.DevMail;
import com.licenseflow.notification.devserver.DevMailbox;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.Inbox;
import com.licenseflow.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every kind of notification, rendered, sent over SMTP and read back from the SMTP server. */
@IntegrationTest
class NotificationKindsTest {

    private static final String PRODUCT = "Power BI Pro";
    private static final List<String> USERS = List.of("Noah Bakker", "Mia de Jong");

    /** What a caller passes for a kind, and what the recipient must then read. */
    private record Case(Map<String, Object> model, String subject, List<String> body) {}

    // No default branch: a new kind does not compile until it has a case here.
    private static Case expected(NotificationKind kind) {
        return switch (kind) {
            case LICENSE_REQUEST_APPROVED ->
                new Case(
                        Map.of("product", PRODUCT, "message", "Welcome to the BI team", "requester", "Liam Smit"),
                        "Your license for Power BI Pro is ready",
                        List.of(
                                "Liam Smit asked for a license for Power BI Pro for you",
                                "The request was approved",
                                "Welcome to the BI team"));
            case LICENSE_REQUEST_DENIED ->
                new Case(
                        Map.of("product", PRODUCT, "message", "Use the shared reports"),
                        "Your license request for Power BI Pro was denied",
                        List.of("was denied: no license was assigned to you", "Use the shared reports"));
            case LICENSE_REQUEST_EXPIRED ->
                new Case(
                        Map.of("product", PRODUCT, "requestedOn", "2026-10-01"),
                        "Your license request for Power BI Pro expired",
                        List.of("made on 2026-10-01 was not decided in time and has expired", "request it again"));
            case LICENSE_REQUEST_REMINDER ->
                new Case(
                        Map.of("product", PRODUCT, "requester", "Liam Smit", "users", USERS),
                        "Reminder: a license request for Power BI Pro from Liam Smit waits for your review",
                        List.of(
                                "Liam Smit asked for a license for Power BI Pro",
                                "Noah Bakker",
                                "Mia de Jong",
                                "/camunda/app/tasklist/"));
            case LICENSE_ENDS_SOON ->
                new Case(
                        Map.of("product", PRODUCT, "endsOn", "31 March 2027", "users", USERS),
                        "Power BI Pro ends on 31 March 2027",
                        List.of(
                                "license of these users ends on 31 March 2027",
                                "Noah Bakker",
                                "Mia de Jong",
                                "ask for an extension in Tasklist",
                                "/camunda/app/tasklist/",
                                "kept for 30 days"));
            case LICENSE_ENDED ->
                new Case(
                        Map.of("product", PRODUCT, "endsOn", "31 March 2027", "dataKeptUntil", "30 April 2027"),
                        "Your Power BI Pro license has ended",
                        List.of("ended on 31 March 2027", "kept until 30 April 2027"));
            case LOW_SEATS ->
                new Case(
                        Map.of(
                                "product",
                                PRODUCT,
                                "freeSeats",
                                1,
                                "totalSeats",
                                13,
                                "threshold",
                                "fewer than 2 free seats",
                                "trend",
                                "6 licenses given out and 1 removed in the last 30 days"),
                        "Power BI Pro is running out of seats: 1 of 13 free",
                        List.of(
                                "only 1 of 13 central seats free", "fewer than 2 free seats",
                                "6 licenses given out and 1 removed in the last 30 days", "buy more seats"));
            case LICENSE_RECLAIMED ->
                new Case(
                        Map.of(
                                "product",
                                PRODUCT,
                                "why",
                                "it was not being used (no sign-in since 3 Aug 2026)",
                                "dataKeptUntil",
                                "31 Dec 2026"),
                        "Your Power BI Pro license was reclaimed",
                        List.of(
                                "because it was not being used (no sign-in since 3 Aug 2026)",
                                "kept until 31 Dec 2026",
                                "/camunda/app/tasklist/"));
            case RENEWAL_DUE ->
                new Case(
                        Map.of(
                                "product",
                                PRODUCT,
                                "endsOn",
                                "31 Mar 2027",
                                "daysLeft",
                                "30 days",
                                "seatsUsed",
                                "8 of 10 seats used",
                                "suggestion",
                                "9 seats"),
                        "Power BI Pro ends on 31 Mar 2027, in 30 days: renew, reduce or let it end",
                        List.of(
                                "8 of 10 seats used",
                                "suggested for the next term: 9 seats",
                                "Decide renewal",
                                "/camunda/app/tasklist/"));
            case TERM_ENDED ->
                new Case(
                        Map.of("product", PRODUCT, "outcome", "was renewed until 31 Mar 2028 with 9 seats"),
                        "Power BI Pro: the term ended today",
                        List.of("Power BI Pro was renewed until 31 Mar 2028 with 9 seats"));
            case SUBSCRIPTION_ENDED ->
                new Case(
                        Map.of("product", PRODUCT, "endsOn", "31 Mar 2027", "dataKeptUntil", "30 Apr 2027"),
                        "Your Power BI Pro license has ended: the subscription ended",
                        List.of("ended on 31 Mar 2027", "was not renewed", "kept until 30 Apr 2027"));
            case RECERTIFICATION_REMINDER ->
                new Case(
                        Map.of("product", PRODUCT, "count", "3 licenses", "deadline", "15 Dec 2026 09:00"),
                        "Reminder: recertify 3 licenses (Power BI Pro) by 15 Dec 2026 09:00",
                        List.of(
                                "3 licenses",
                                "Recertify licenses",
                                "15 Dec 2026 09:00",
                                "campaign's default",
                                "/camunda/app/tasklist/"));
            case RECERTIFICATION_REPORT ->
                new Case(
                        Map.of(
                                "product",
                                PRODUCT,
                                "summary",
                                "4 licenses recertified: 3 confirmed, 1 removed (€9.00 per month saved)."),
                        "License recertification done (Power BI Pro)",
                        List.of("4 licenses recertified: 3 confirmed, 1 removed (€9.00 per month saved)."));
            case RECLAIM_REPORT ->
                new Case(
                        Map.of(
                                "product",
                                PRODUCT,
                                "summary",
                                "4 idle licenses found: 3 reclaimed (€27.00 per month saved), 1 kept.",
                                "seatsFreed",
                                3,
                                "monthlySaving",
                                "€27.00"),
                        "Idle licenses reclaimed (Power BI Pro): 3 seats freed, €27.00 per month saved",
                        List.of(
                                "(Power BI Pro) is done",
                                "4 idle licenses found: 3 reclaimed (€27.00 per month saved), 1 kept.",
                                "savings view"));
            case SUBSCRIPTION_MOVED_AND_CANCELLED ->
                new Case(
                        Map.of("product", PRODUCT, "users", USERS),
                        "Your Power BI Pro subscription was cancelled: its users were moved",
                        List.of("were moved to another subscription", "Noah Bakker", "Mia de Jong", "Deleted"));
            case SUBSCRIPTION_MOVED_IN_PART ->
                new Case(
                        Map.of(
                                "product",
                                PRODUCT,
                                "users",
                                USERS,
                                "stayed",
                                List.of(
                                        "Lucas Visser: Microsoft 365 has no Power BI Premium license left for Lucas Visser")),
                        "Your Power BI Pro subscription stays, for the users who could not be moved",
                        List.of(
                                "were moved to another subscription",
                                "Noah Bakker",
                                "Mia de Jong",
                                "Microsoft 365 refused to move these users",
                                "Lucas Visser: Microsoft 365 has no",
                                "stays active",
                                "billed for the seats"));
            case SUBSCRIPTION_CANCELLED ->
                new Case(
                        Map.of("product", PRODUCT, "reason", "Duplicate purchase", "users", USERS),
                        "Your Power BI Pro subscription was cancelled",
                        List.of(
                                "An administrator cancelled",
                                "Duplicate purchase",
                                "no longer have access",
                                "Noah Bakker",
                                "Mia de Jong",
                                "Deleted"));
            case SUBSCRIPTION_ENDS_AT_TERM ->
                new Case(
                        Map.of("product", PRODUCT, "endsOn", "2027-03-31"),
                        "Your Power BI Pro subscription ends on 2027-03-31",
                        List.of("Recurring billing", "switched off", "2027-03-31"));
            case CENTRALIZATION_CANCEL_REQUEST ->
                new Case(
                        Map.of("product", PRODUCT, "users", USERS, "deadline", "2026-12-15"),
                        "Please cancel your Power BI Pro subscription: your users now have central licenses",
                        List.of(
                                "central license",
                                "Noah Bakker",
                                "Mia de Jong",
                                "by 2026-12-15",
                                "How to cancel",
                                "/camunda/app/tasklist/",
                                "Start process > \"Cancel my self-service subscription\"",
                                "choose your Power BI Pro subscription"));
            case CENTRALIZATION_REMINDER ->
                new Case(
                        Map.of("product", PRODUCT, "users", USERS, "deadline", "2026-12-15"),
                        "Reminder: please cancel your Power BI Pro subscription by 2026-12-15",
                        List.of("still active", "Noah Bakker", "2026-12-15", "How to cancel"));
            case CENTRALIZATION_SUMMARY ->
                new Case(
                        Map.of(
                                "product",
                                PRODUCT,
                                "users",
                                USERS,
                                "cancelledSubscriptions",
                                "2 self-service subscriptions",
                                "savings",
                                "€27.00 per month"),
                        "Power BI Pro centralized: 2 self-service subscriptions cancelled",
                        List.of(
                                "Noah Bakker",
                                "Mia de Jong",
                                "Cancelled: 2 self-service subscriptions",
                                "€27.00 per month"));
        };
    }

    @Autowired
    NotificationService notifications;

    @Autowired
    NotificationStore store;

    @Autowired
    DevMailbox devMailbox;

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void theRecipientGetsTheKindsSubjectAndBody(NotificationKind kind) {
        Case expected = expected(kind);
        String recipient = Fixtures.unique("recipient") + "@test.example";
        String key = Fixtures.unique("kinds/") + "/" + kind;

        notifications.deliver(
                List.of(new Notification(key, kind, recipient, "Emma de Vries", expected.model(), null, 77L, null)));

        DevMail mail = new Inbox(devMailbox).onlyMessageTo(recipient);
        assertThat(mail.recipients()).containsExactly(recipient);
        assertThat(mail.from()).isEqualTo("licenseflow@localhost");
        assertThat(mail.subject()).isEqualTo(expected.subject());
        assertThat(mail.text()).startsWith("Hello Emma de Vries,").contains(expected.body());
        assertThat(mail.html()).contains("Hello Emma de Vries,", PRODUCT);
        assertThat(mail.text() + mail.html())
                .as("words for people: no API paths, no ids")
                .doesNotContain("/api/", "77", "{{");
        assertThat(mail.headers()).contains("To: Emma de Vries <" + recipient + ">");
        NotificationRecord recorded = store.find(key).orElseThrow();
        assertThat(mail.messageId()).isEqualTo(MailHeaders.messageId(key, "localhost"));
        assertThat(recorded.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(recorded.subject()).isEqualTo(expected.subject());
        assertThat(recorded.subscriptionId()).isEqualTo(77L);
    }
}
