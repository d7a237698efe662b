package com.licenseflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import jakarta.mail.internet.InternetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The record of a message: once per key, and once SENT it stays as it was sent. */
@IntegrationTest
class NotificationStoreTest {

    @Autowired
    NotificationStore store;

    private static Notification notification(String key) {
        return new Notification(
                key,
                NotificationKind.LICENSE_REQUEST_EXPIRED,
                "ignored@test.example",
                null,
                Map.of("product", "Visio Plan 2"),
                null,
                null,
                null);
    }

    @Test
    void recordingAKeyAgainAsARacingCallerWouldKeepsTheFirstRecord() throws Exception {
        String key = Fixtures.unique("store/");
        NotificationRecord first = store.insert(
                notification(key),
                new InternetAddress("first@test.example"),
                new RenderedMail("First", "first text", "<p>first</p>"));

        NotificationRecord again = store.insert(
                notification(key),
                new InternetAddress("second@test.example"),
                new RenderedMail("Second", "second text", "<p>second</p>"));

        assertThat(again).isEqualTo(first);
        assertThat(again.recipientEmail()).isEqualTo("first@test.example");
        assertThat(again.status()).isEqualTo(NotificationStatus.QUEUED);
    }

    @Test
    void aRefusedAttemptIsTriedAgainAndASentMessageNeverIs() throws Exception {
        String key = Fixtures.unique("store/");
        long id = store.insert(
                        notification(key),
                        new InternetAddress("sent@test.example"),
                        new RenderedMail("Subject", "text", "<p>html</p>"))
                .id();
        assertThat(store.startAttempt(id)).isEqualTo(NotificationStore.Attempt.STARTED);
        store.markNotAccepted(id, "Connection refused");
        assertThat(store.find(key).orElseThrow().lastError()).isEqualTo("Connection refused");

        assertThat(store.startAttempt(id))
                .as("the server refused it: try again")
                .isEqualTo(NotificationStore.Attempt.STARTED);
        store.markSent(id);
        store.markNotAccepted(id, "late failure");

        assertThat(store.startAttempt(id)).isEqualTo(NotificationStore.Attempt.SENT_ALREADY);
        NotificationRecord sent = store.find(key).orElseThrow();
        assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.lastError()).isNull();
        assertThat(sent.sentAt()).isNotNull();
    }

    @Test
    void anAttemptCutOffIsReportedOnceAndOnlyTheRetryAfterTheReportSendsAgain() throws Exception {
        String key = Fixtures.unique("store/");
        long id = store.insert(
                        notification(key),
                        new InternetAddress("cut@test.example"),
                        new RenderedMail("Subject", "text", "<p>html</p>"))
                .id();
        assertThat(store.startAttempt(id)).isEqualTo(NotificationStore.Attempt.STARTED);
        // The node dies here, before the server's answer is recorded.

        assertThat(store.startAttempt(id)).isEqualTo(NotificationStore.Attempt.OUTCOME_UNKNOWN);
        assertThat(store.find(key).orElseThrow().lastError()).contains("cut off");

        assertThat(store.startAttempt(id))
                .as("an admin retried after the report")
                .isEqualTo(NotificationStore.Attempt.STARTED);
        store.markSent(id);
        assertThat(store.find(key).orElseThrow().attempts()).isEqualTo(2);
    }
}
