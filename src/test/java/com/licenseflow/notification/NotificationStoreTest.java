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
        return new Notification(key, NotificationKind.LICENSE_REQUEST_EXPIRED, "ignored@test.example", null,
                Map.of("product", "Visio Plan 2"), null, null, null);
    }

    @Test
    void recordingAKeyAgainAsARacingCallerWouldKeepsTheFirstRecord() throws Exception {
        String key = Fixtures.unique("store/");
        NotificationRecord first = store.insert(notification(key), new InternetAddress("first@test.example"),
                new RenderedMail("First", "first text", "<p>first</p>"));

        NotificationRecord again = store.insert(notification(key), new InternetAddress("second@test.example"),
                new RenderedMail("Second", "second text", "<p>second</p>"));

        assertThat(again).isEqualTo(first);
        assertThat(again.recipientEmail()).isEqualTo("first@test.example");
        assertThat(again.status()).isEqualTo(NotificationStatus.QUEUED);
    }

    @Test
    void aSentMessageStaysSentWithTheAttemptThatSentIt() throws Exception {
        String key = Fixtures.unique("store/");
        long id = store.insert(notification(key), new InternetAddress("sent@test.example"),
                new RenderedMail("Subject", "text", "<p>html</p>")).id();
        store.markFailed(id, "Connection refused");

        store.markSent(id);
        store.markSent(id);
        store.markFailed(id, "late failure");

        NotificationRecord sent = store.find(key).orElseThrow();
        assertThat(sent.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.lastError()).isEqualTo("Connection refused");
        assertThat(sent.sentAt()).isNotNull();
    }
}
