package com.licenseflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Header values from user input: names and subjects on one line, recipients exactly one bare address. */
class MailHeadersTest {

    @Test
    void namesAndSubjectsLoseTheirLineBreaks() {
        assertThat(MailHeaders.singleLine("Eve\r\nBcc: attacker@evil.example"))
                .isEqualTo("Eve Bcc: attacker@evil.example");
        assertThat(MailHeaders.singleLine("a\nb\rc\u2028d\u0000e\tf")).isEqualTo("a b c d e f");
        assertThat(MailHeaders.singleLine(null)).isNull();
    }

    @Test
    void aRecipientIsTheBareAddressWithItsNameOnOneLine() throws Exception {
        InternetAddress address = MailHeaders.recipient(" emma@test.example ", "Emma\r\nBcc: attacker@evil.example");

        assertThat(address.getAddress()).isEqualTo("emma@test.example");
        assertThat(address.getPersonal()).isEqualTo("Emma Bcc: attacker@evil.example");
        assertThat(address.toString())
                .doesNotContain("\r", "\n")
                .isEqualTo("\"Emma Bcc: attacker@evil.example\" <emma@test.example>");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "emma@test.example\r\nBcc: attacker@evil.example",
                "emma@test.example, attacker@evil.example",
                "Emma <emma@test.example>",
                "not an address",
                "emma",
                "emma@",
                "@test.example",
                "list: emma@test.example, attacker@evil.example;",
                "emma@test.example\nattacker@evil.example",
                " "
            })
    void anythingButOneBareAddressIsRefused(String recipient) {
        assertThatThrownBy(() -> MailHeaders.recipient(recipient, "Emma"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("recipient address");
    }

    @Test
    void theMessageIdFollowsFromTheIdempotencyKeyAlone() {
        String id = MailHeaders.messageId("license-request/7/decision/emma", "licenses.example");

        assertThat(id)
                .matches("<[0-9a-f]{40}\\.notification@licenses\\.example>")
                .isEqualTo(MailHeaders.messageId("license-request/7/decision/emma", "licenses.example"))
                .isNotEqualTo(MailHeaders.messageId("license-request/7/decision/noah", "licenses.example"));
    }

    @Test
    void theSenderMayCarryADisplayNameButMustBeOneAddress() {
        assertThat(MailHeaders.sender("LicenseFlow <licenses@example.com>").getPersonal())
                .isEqualTo("LicenseFlow");
        assertThatThrownBy(() -> MailHeaders.sender("a@example.com, b@example.com"))
                .hasMessageContaining("licenseflow.mail.from");
    }
}
