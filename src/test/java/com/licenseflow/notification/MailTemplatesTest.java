package com.licenseflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licenseflow.config.PublicUrl;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The templates on their own: every kind renders from its required keys, values are escaped in HTML only. */
class MailTemplatesTest {

    private final MailTemplates templates = new MailTemplates(new PublicUrl(URI.create("https://licenses.example/")));

    private static Notification notification(NotificationKind kind, Map<String, Object> model) {
        return new Notification("test/" + kind, kind, "emma@test.example", "Emma de Vries", model, null, 42L, null);
    }

    private static Map<String, Object> requiredOnly(NotificationKind kind) {
        Map<String, Object> model = new HashMap<>();
        kind.requiredKeys()
                .forEach(key -> model.put(key, key.equals("users") ? List.of("Noah Bakker") : key + "-value"));
        return model;
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void everyKindRendersFromItsRequiredKeysAlone(NotificationKind kind) {
        RenderedMail mail = templates.render(notification(kind, requiredOnly(kind)));

        assertThat(mail.subject()).contains("product-value").doesNotContain("\n", "{{");
        assertThat(mail.text())
                .startsWith("Hello Emma de Vries,")
                .contains("product-value")
                .contains("https://licenses.example")
                .doesNotContain("{{", "&amp;");
        assertThat(mail.html())
                .contains("<p>Hello Emma de Vries,</p>", "product-value", "href=\"https://licenses.example")
                .doesNotContain("{{");
        if (kind.requiredKeys().contains("users")) {
            assertThat(mail.text()).contains("  - Noah Bakker\n");
            assertThat(mail.html()).contains("<li>Noah Bakker</li>");
        }
    }

    @Test
    void aMissingRequiredKeyIsRefusedByName() {
        Map<String, Object> model = requiredOnly(NotificationKind.SUBSCRIPTION_CANCELLED);
        model.remove("reason");

        assertThatThrownBy(() -> templates.render(notification(NotificationKind.SUBSCRIPTION_CANCELLED, model)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SUBSCRIPTION_CANCELLED needs the model keys [product, reason, users]")
                .hasMessageContaining("missing: [reason]");
    }

    @Test
    void valuesAreEscapedInHtmlAndKeptAsWrittenInText() {
        RenderedMail mail = templates.render(notification(
                NotificationKind.LICENSE_REQUEST_DENIED,
                Map.of("product", "Visio & <b>Co</b>", "message", "<script>alert('x')</script>")));

        assertThat(mail.html())
                .contains("Visio &amp; &lt;b&gt;Co&lt;/b&gt;", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .doesNotContain("<script>", "<b>Co");
        assertThat(mail.text()).contains("Visio & <b>Co</b>", "<script>alert('x')</script>");
        assertThat(mail.subject()).isEqualTo("Your license request for Visio & <b>Co</b> was denied");
    }

    @Test
    void optionalValuesAppearOnlyWhenGiven() {
        RenderedMail without = templates.render(notification(
                NotificationKind.LICENSE_REQUEST_APPROVED, Map.of("product", "Power BI Pro", "message", "")));
        RenderedMail with = templates.render(notification(
                NotificationKind.LICENSE_REQUEST_APPROVED,
                Map.of("product", "Power BI Pro", "message", "Enjoy", "requester", "Liam Smit")));

        assertThat(without.text()).doesNotContain("Message from your administrator", "asked for");
        assertThat(with.text())
                .contains(
                        "Liam Smit asked for a license for Power BI Pro for you.",
                        "Message from your administrator:\nEnjoy\n");
    }

    @Test
    void aSubjectStaysOnOneLineWhateverTheModelHolds() {
        RenderedMail mail = templates.render(notification(
                NotificationKind.LICENSE_REQUEST_APPROVED, Map.of("product", "Visio\r\nBcc: attacker@evil.example")));

        assertThat(mail.subject()).isEqualTo("Your license for Visio Bcc: attacker@evil.example is ready");
    }
}
