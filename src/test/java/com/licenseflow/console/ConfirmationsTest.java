package com.licenseflow.console;

import static com.licenseflow.inventory.access.AdminRole.BILLING_ADMIN;
import static com.licenseflow.inventory.access.AdminRole.LICENSE_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.inventory.catalog.Product;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.inventory.policy.SelfServicePolicy;
import com.licenseflow.shared.Words;
import com.licenseflow.support.Api;
import com.licenseflow.support.ConsoleSession;
import com.licenseflow.support.Fixtures;
import com.licenseflow.support.IntegrationTest;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;

/**
 * Nothing that takes a license away happens on the first click: the console answers with what each person
 * loses and what happens to their data, as the admin center does, and only the confirmed form changes anything.
 * Each form is posted as its page posts it: first as clicked (nothing changes), then confirmed.
 */
@IntegrationTest
class ConfirmationsTest {

    @LocalServerPort
    int port;

    @Autowired
    Fixtures fixtures;

    Product business;
    long seats;
    DirectoryUser sem;
    ConsoleSession licenseAdmin;

    @BeforeEach
    void scene() {
        business = fixtures.product(
                "Business", SelfServicePolicy.DISABLED, "EXCHANGE_S_STANDARD", "SHAREPOINTSTANDARD", "OFFICE_BUSINESS");
        seats = fixtures.central(business, 5);
        sem = fixtures.person("Sem Visser");
        fixtures.license(seats, List.of(sem.id()), "OFFICE_BUSINESS");
        licenseAdmin = ConsoleSession.login(port, fixtures.admin(LICENSE_ADMIN).id());
    }

    @Test
    void unassigningOnAProductPageSaysWhatTheUserLosesAndOnlyTheConfirmedFormRemovesIt() {
        licenseAdmin.get("/console/licenses/" + business.id());
        String unassign = "/console/licenses/" + business.id() + "/unassign";
        String asked = asked(licenseAdmin.post(unassign, Map.of("userIds", sem.id())));
        assertThat(asked)
                .contains("Unassign " + business.name() + " from Sem Visser?")
                .contains("Sem Visser loses " + business.name() + ", with " + planName("EXCHANGE_S_STANDARD") + " and "
                        + planName("SHAREPOINTSTANDARD") + "</li>")
                .contains("mailbox data is kept for 30 days, until "
                        + Words.day(LocalDate.now().plusDays(30)) + ", then deleted for good")
                .contains("files in OneDrive stay")
                .as("Office apps were switched off for Sem: nothing to say about them")
                .doesNotContain("Unlicensed Product")
                .contains("href=\"/console/licenses/" + business.id() + "\">Cancel");
        assertThat(fixtures.holds(sem.id(), business.id())).isTrue();

        confirmed(licenseAdmin.post(unassign, Map.of("userIds", sem.id(), "confirmed", "yes")));
        assertThat(fixtures.holds(sem.id(), business.id())).isFalse();
    }

    @Test
    void unassigningOnAUserPageAndUnassignAllAskFirstToo() {
        Product visio = fixtures.product("Visio", SelfServicePolicy.DISABLED, "VISIO_CLIENT_SUBSCRIPTION");
        fixtures.license(fixtures.central(visio, 2), List.of(sem.id()));
        licenseAdmin.get("/console/users/" + sem.id());
        String remove = "/console/users/" + sem.id() + "/licenses/" + visio.id() + "/remove";
        assertThat(asked(licenseAdmin.post(remove, Map.of())))
                .contains("Unassign " + visio.name() + " from Sem Visser?")
                .contains("Sem Visser loses " + visio.name())
                .doesNotContain("mailbox");
        String removeAll = "/console/users/" + sem.id() + "/remove-all";
        assertThat(asked(licenseAdmin.post(removeAll, Map.of())))
                .contains("Unassign every license of Sem Visser?")
                .contains("Sem Visser loses " + business.name())
                .contains("Sem Visser loses " + visio.name());
        String selection = "/console/users/selection";
        assertThat(asked(licenseAdmin.post(selection, Map.of("userIds", sem.id(), "action", "unassign-all"))))
                .contains("Unassign every license of Sem Visser?")
                .contains("name=\"action\" value=\"unassign-all\"");
        assertThat(fixtures.holds(sem.id(), business.id()) && fixtures.holds(sem.id(), visio.id()))
                .as("nothing removed before the confirmation")
                .isTrue();

        confirmed(licenseAdmin.post(remove, Map.of("confirmed", "yes")));
        assertThat(fixtures.holds(sem.id(), visio.id())).isFalse();
        confirmed(licenseAdmin.post(
                selection, Map.of("userIds", sem.id(), "action", "unassign-all", "confirmed", "yes")));
        assertThat(fixtures.holds(sem.id(), business.id())).isFalse();
    }

    @Test
    void aRefusalComesBeforeTheQuestionNotAfterIt() {
        DirectoryUser unlicensed = fixtures.person("Noor Bakker");
        licenseAdmin.get("/console/licenses/" + business.id());
        Api.Response refused = licenseAdmin.post(
                "/console/licenses/" + business.id() + "/unassign", Map.of("userIds", unlicensed.id()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(HtmlUtils.htmlUnescape(refused.body()))
                .contains("Noor Bakker")
                .contains("has no " + business.name() + " license to remove")
                .doesNotContain("confirmed");
    }

    @Test
    void cancellingATakenOverSubscriptionAsksFirstAndSaysWhenItsUsersLoseAccess() {
        DirectoryUser mia = fixtures.person("Mia Jansen");
        DirectoryUser jonas = fixtures.person("Jonas Dijkstra");
        Product bi = fixtures.product("Power BI", SelfServicePolicy.ENABLED, "BI_AZURE_P2");
        long recent = fixtures.selfService(bi, mia.id(), 3, LocalDate.now().minusDays(2), 7);
        fixtures.license(recent, List.of(mia.id(), jonas.id()));
        long old = fixtures.selfService(bi, mia.id(), 1, LocalDate.now().minusDays(40), 7);
        ConsoleSession bill =
                ConsoleSession.login(port, fixtures.admin(BILLING_ADMIN).id());
        Api api = Api.at(port).as(fixtures.admin(BILLING_ADMIN).id());
        bill.get("/console/purchases?product=" + bi.id());

        assertThat(asked(bill.post(takeover(recent), cancel(bi))))
                .contains("Take over and cancel the " + bi.name() + " subscription Mia Jansen bought?")
                .contains("Jonas Dijkstra <" + jonas.email() + "> and Mia Jansen <" + mia.email() + "> lose "
                        + bi.name() + " at once.")
                .contains("The cancellation window is open until "
                        + Words.day(LocalDate.now().plusDays(5)))
                .contains("Reason: Too expensive. Mia Jansen gets an email saying so.");
        assertThat(api.get("/api/subscriptions/" + recent + "/takeover").status())
                .as("no takeover started")
                .isEqualTo(404);

        assertThat(asked(bill.post(takeover(old), cancel(bi))))
                .contains("Nobody holds a license of it.")
                .contains("recurring billing is switched off and the subscription ends at the end of its term, on "
                        + Words.day(LocalDate.now().minusDays(40).plusYears(1)));

        Map<String, String> confirmed = new HashMap<>(cancel(bi));
        confirmed.put("confirmed", "yes");
        Api.Response started = bill.post(takeover(recent), confirmed);
        assertThat(started.status()).isEqualTo(302);
        assertThat(started.header("Location")).endsWith("/console/takeovers/" + recent);
    }

    private String planName(String id) {
        return business.servicePlans().stream()
                .filter(plan -> plan.id().equals(id))
                .findFirst()
                .orElseThrow()
                .name();
    }

    private static String takeover(long subscription) {
        return "/console/purchases/subscriptions/" + subscription + "/takeover";
    }

    private static Map<String, String> cancel(Product product) {
        return Map.of("action", "cancel", "reason", "TOO_EXPENSIVE", "product", product.id());
    }

    /** The confirmation page, in the words it shows; nothing changed yet. */
    private static String asked(Api.Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        String page = HtmlUtils.htmlUnescape(answer.body());
        assertThat(page).contains("What is taken away").contains("name=\"confirmed\" value=\"yes\"");
        return page;
    }

    private static void confirmed(Api.Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
    }
}
