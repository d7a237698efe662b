package com.licenseflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licenseflow.notification.devserver.DevMail;
import com.licenseflow.notification.devserver.DevMailbox;
import com.licenseflow.notification.devserver.EmbeddedSmtpServer;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.Inbox;
import com.licenseflow.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Delivery over real SMTP: to whom, how often, and that user input cannot add headers or script. */
@IntegrationTest
class NotificationDeliveryTest {

    @Autowired
    NotificationService notifications;

    @Autowired
    NotificationStore store;

    @Autowired
    EmbeddedSmtpServer smtp;

    @Autowired
    DevMailbox devMailbox;

    Inbox inbox;

    @BeforeEach
    void setUp() {
        inbox = new Inbox(devMailbox);
    }

    private static String address(String name) {
        return Fixtures.unique(name) + "@test.example";
    }

    private static Notification denied(String key, String recipient, String name, Map<String, Object> model) {
        return new Notification(
                key, NotificationKind.LICENSE_REQUEST_DENIED, recipient, name, model, null, null, "request-1");
    }

    private static Notification denied(String key, String recipient) {
        return denied(key, recipient, "Noah Bakker", Map.of("product", "Visio Plan 2"));
    }

    @Test
    void eachRecipientGetsTheirOwnMessageOnly() {
        String noah = address("noah");
        String mia = address("mia");
        String sara = address("sara");

        notifications.deliver(List.of(
                denied(Fixtures.unique("key"), noah, "Noah Bakker", Map.of("product", "Visio Plan 2")),
                denied(Fixtures.unique("key"), mia, "Mia de Jong", Map.of("product", "Visio Plan 2")),
                denied(Fixtures.unique("key"), sara, "Sara Lind", Map.of("product", "Visio Plan 2"))));

        assertThat(inbox.onlyMessageTo(noah).text())
                .startsWith("Hello Noah Bakker,")
                .doesNotContain("Mia", "Sara");
        assertThat(inbox.onlyMessageTo(mia).text())
                .startsWith("Hello Mia de Jong,")
                .doesNotContain("Noah", "Sara");
        assertThat(inbox.onlyMessageTo(sara).recipients()).containsExactly(sara);
    }

    @Test
    void theSameIdempotencyKeyIsRecordedAndDeliveredOnce() {
        String recipient = address("once");
        String key = Fixtures.unique("once/");

        notifications.deliver(List.of(denied(key, recipient), denied(key, recipient)));
        notifications.deliver(List.of(denied(key, recipient, "Someone Else", Map.of("product", "Changed"))));

        DevMail mail = inbox.onlyMessageTo(recipient);
        assertThat(mail.subject()).isEqualTo("Your license request for Visio Plan 2 was denied");
        NotificationRecord recorded = store.find(key).orElseThrow();
        assertThat(recorded.attempts()).isEqualTo(1);
        assertThat(recorded.recipientName())
                .as("the first recorded content stands")
                .isEqualTo("Noah Bakker");
    }

    @Test
    void aRetryAfterAPartialFailureSendsOnlyWhatWasNotSentYet() {
        String first = address("first");
        String second = address("second");
        Notification sentEarlier = denied(Fixtures.unique("partial/"), first);
        Notification notYet = denied(Fixtures.unique("partial/"), second);
        notifications.deliver(List.of(sentEarlier));

        smtp.stop();
        try {
            assertThatThrownBy(() -> notifications.deliver(List.of(sentEarlier, notYet)))
                    .isInstanceOf(NotificationDeliveryException.class)
                    .hasMessageStartingWith("1 of 2 emails not delivered: '" + notYet.idempotencyKey() + "'")
                    .hasMessageNotContaining(sentEarlier.idempotencyKey());
        } finally {
            smtp.start();
        }
        notifications.deliver(List.of(sentEarlier, notYet));

        assertThat(inbox.to(first))
                .as("stopping the server dropped its mail; the sent one was not sent again")
                .isEmpty();
        assertThat(inbox.to(second)).hasSize(1);
        assertThat(store.find(sentEarlier.idempotencyKey()).orElseThrow().attempts())
                .isEqualTo(1);
        assertThat(store.find(notYet.idempotencyKey()).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void lineBreaksInANameOrInAProductNameInTheSubjectAddNoHeader() {
        String victim = address("victim");
        String attacker = address("attacker");
        String injected = "\r\nBcc: " + attacker + "\r\nX-Injected: yes";

        String key = Fixtures.unique("inject/");
        notifications.deliver(List.of(denied(key, victim, "Noah" + injected, Map.of("product", "Visio" + injected))));

        // Jakarta Mail folds a line break it is given into a continuation line; ours never reach it.
        NotificationRecord recorded = store.find(key).orElseThrow();
        assertThat(recorded.recipientName()).isEqualTo("Noah Bcc: " + attacker + " X-Injected: yes");
        assertThat(recorded.subject())
                .isEqualTo("Your license request for Visio Bcc: " + attacker + " X-Injected: yes was denied");
        DevMail mail = inbox.onlyMessageTo(victim);
        assertThat(mail.recipients()).containsExactly(victim);
        assertThat(mail.headers())
                .noneMatch(line -> line.regionMatches(true, 0, "Bcc:", 0, 4))
                .noneMatch(line -> line.regionMatches(true, 0, "X-Injected", 0, 10));
        assertThat(mail.subject())
                .isEqualTo("Your license request for Visio Bcc: " + attacker + " X-Injected: yes was denied");
        assertThat(inbox.to(attacker)).isEmpty();
    }

    @Test
    void aMalformedOrMultipleRecipientIsRefusedNotRecordedAndTheOthersStillGoOut() {
        String valid = address("valid");
        String attacker = address("attacker");
        List<String> refused = List.of(
                valid + ", " + attacker,
                valid + "\r\nBcc: " + attacker,
                "Noah <" + attacker + ">",
                "not-an-address",
                "team: " + valid + ", " + attacker + ";");
        List<Notification> batch = new java.util.ArrayList<>(refused.stream()
                .map(to -> denied(Fixtures.unique("refused/"), to))
                .toList());
        batch.add(denied(Fixtures.unique("accepted/"), valid));

        assertThatThrownBy(() -> notifications.deliver(batch))
                .isInstanceOf(NotificationDeliveryException.class)
                .hasMessageStartingWith("5 of 6 emails not delivered")
                .satisfies(e -> assertThat(((NotificationDeliveryException) e).failures())
                        .hasSize(5)
                        .allMatch(f -> f.contains("was refused: The recipient address")));

        assertThat(inbox.onlyMessageTo(valid).recipients()).containsExactly(valid);
        assertThat(inbox.to(attacker)).isEmpty();
        batch.subList(0, refused.size())
                .forEach(n -> assertThat(store.find(n.idempotencyKey())).isEmpty());
    }

    @Test
    void aScriptInTheAdminsMessageIsEscapedInTheHtmlPart() {
        String recipient = address("escaped");

        notifications.deliver(List.of(denied(
                Fixtures.unique("script/"),
                recipient,
                "Noah <b>Bakker</b>",
                Map.of("product", "Visio Plan 2", "message", "<script>alert('pwned')</script>"))));

        DevMail mail = inbox.onlyMessageTo(recipient);
        assertThat(mail.html())
                .contains("&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt;", "Noah &lt;b&gt;Bakker")
                .doesNotContain("<script", "<b>Bakker");
        assertThat(mail.text()).contains("<script>alert('pwned')</script>");
    }
}
