package com.licenseflow.notification;

import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static com.licenseflow.support.Api.find;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.support.Api;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What was sent, as people see it over the API: admins every message, everyone else their own. */
@IntegrationTest
class NotificationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    @Autowired
    NotificationService notifications;

    Api anonymous;
    Api admin;
    DirectoryUser noah;
    DirectoryUser mia;
    Api asNoah;
    String request;

    @BeforeEach
    void setUp() {
        anonymous = Api.at(port);
        admin = anonymous.as(fixtures.admin(LICENSE_ADMIN).id());
        noah = fixtures.member();
        mia = fixtures.member();
        asNoah = anonymous.as(noah.id());
        request = Fixtures.unique("request");
        notifications.deliver(List.of(
                notification(NotificationKind.LICENSE_REQUEST_APPROVED, noah),
                notification(NotificationKind.LICENSE_REQUEST_DENIED, mia)));
    }

    private Notification notification(NotificationKind kind, DirectoryUser to) {
        return new Notification(
                request + "/" + to.id(),
                kind,
                to.email(),
                to.displayName(),
                Map.of("product", "Project Plan 3"),
                "process-" + request,
                null,
                request);
    }

    @Test
    void adminsSeeEveryNotificationWithItsDeliveryOthersOnlyTheirOwn() {
        JsonNode all =
                admin.get("/api/notifications?licenseRequestId=" + request).json();
        assertThat(all)
                .extracting(n -> n.path("recipientEmail").asText())
                .as("newest first")
                .containsExactly(mia.email(), noah.email());
        JsonNode toNoah = all.get(1);
        assertThat(toNoah.path("kind").asText()).isEqualTo("LICENSE_REQUEST_APPROVED");
        assertThat(toNoah.path("status").asText()).isEqualTo("SENT");
        assertThat(toNoah.path("attempts").asInt()).isEqualTo(1);
        assertThat(toNoah.path("sentAt").asText()).isNotBlank();
        assertThat(toNoah.path("processInstanceId").asText()).isEqualTo("process-" + request);
        assertThat(toNoah.path("subject").asText()).isEqualTo("Your license for Project Plan 3 is ready");
        assertThat(toNoah.has("textBody")).as("lists leave the bodies out").isFalse();

        assertThat(admin.get("/api/notifications?processInstanceId=process-" + request)
                        .json())
                .hasSize(2);
        assertThat(admin.get("/api/notifications?licenseRequestId=" + request + "&status=queued")
                        .json())
                .isEmpty();
        assertThat(admin.get("/api/notifications?recipient=" + noah.email()).json())
                .hasSize(1);

        assertThat(asNoah.get("/api/notifications?licenseRequestId=" + request).json())
                .extracting(n -> n.path("recipientEmail").asText())
                .containsExactly(noah.email());
        assertThat(asNoah.get("/api/notifications?recipient=" + mia.email()).json())
                .isEmpty();
    }

    @Test
    void oneNotificationShowsTheWholeMessageToThoseWhoMayReadIt() {
        JsonNode all =
                admin.get("/api/notifications?licenseRequestId=" + request).json();
        long toNoah = find(all, "recipientEmail", noah.email()).path("id").asLong();
        long toMia = find(all, "recipientEmail", mia.email()).path("id").asLong();

        Api.Response own = asNoah.get("/api/notifications/" + toNoah);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        assertThat(own.json().path("textBody").asText()).startsWith("Hello " + noah.displayName() + ",");
        assertThat(own.json().path("htmlBody").asText()).contains("<strong>Project Plan 3</strong>");
        assertThat(own.json().path("messageId").asText()).endsWith(".notification@localhost>");

        Api.Response others = asNoah.get("/api/notifications/" + toMia);
        assertThat(others.status()).isEqualTo(404);
        assertThat(others.json().path("rule").asText()).isEqualTo("UNKNOWN_NOTIFICATION");
        assertThat(admin.get("/api/notifications/" + toMia).status()).isEqualTo(200);
    }

    @Test
    void badQueriesAreRefusedWithTheReason() {
        Api.Response status = admin.get("/api/notifications?status=lost");
        assertThat(status.status()).isEqualTo(422);
        assertThat(status.detail()).contains("'lost' is not a notification status; use queued or sent.");
        assertThat(admin.get("/api/notifications/abc").status()).isEqualTo(400);
        assertThat(anonymous.get("/api/notifications").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/dev-mailbox").status()).isEqualTo(401);
    }

    @Test
    void theDevMailboxShowsWhatTheEmbeddedSmtpServerReceived() {
        JsonNode received = admin.get("/api/dev-mailbox").json();
        JsonNode toNoah = find(received, "subject", "Your license for Project Plan 3 is ready");
        assertThat(toNoah.path("recipients")).extracting(JsonNode::asText).contains(noah.email());
        JsonNode toMia = find(received, "subject", "Your license request for Project Plan 3 was denied");

        JsonNode message =
                admin.get("/api/dev-mailbox/" + toNoah.path("number").asInt()).json();
        assertThat(message.path("text").asText()).startsWith("Hello " + noah.displayName() + ",");
        assertThat(message.path("html").asText()).contains("<strong>Project Plan 3</strong>");
        assertThat(message.path("headers"))
                .extracting(JsonNode::asText)
                .contains("Subject: Your license for Project Plan 3 is ready");

        JsonNode noahsMailbox = asNoah.get("/api/dev-mailbox").json();
        assertThat(noahsMailbox)
                .isNotEmpty()
                .allSatisfy(mail -> assertThat(mail.path("recipients"))
                        .extracting(JsonNode::asText)
                        .containsExactly(noah.email()));
        Api.Response notHis =
                asNoah.get("/api/dev-mailbox/" + toMia.path("number").asInt());
        assertThat(notHis.status()).isEqualTo(404);
        assertThat(notHis.detail()).contains("GET /api/dev-mailbox lists the ones you may read");
    }
}
