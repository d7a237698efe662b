package com.licenseflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.licenseflow.notification.devserver.DevMailbox;
import com.licenseflow.notification.web.DevMailboxController;
import com.licenseflow.shared.LicenseRuleViolation;
import com.licenseflow.shared.Rule;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** With a real SMTP server configured there is no development mailbox, and the API says where mail went. */
class DevMailboxControllerTest {

    @Test
    void withoutTheEmbeddedServerTheMailboxIsRefusedWithWhereToLook() {
        DevMailboxController controller =
                new DevMailboxController(new StaticListableBeanFactory().getBeanProvider(DevMailbox.class), null);

        assertThatThrownBy(controller::messages)
                .isInstanceOfSatisfying(
                        LicenseRuleViolation.class, v -> assertThat(v.rule()).isEqualTo(Rule.DEV_MAILBOX_UNAVAILABLE))
                .hasMessageContaining("spring.mail.host")
                .hasMessageContaining("GET /api/notifications");
    }
}
