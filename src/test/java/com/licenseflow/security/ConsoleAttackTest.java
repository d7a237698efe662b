package com.licenseflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.licenseflow.inventory.access.AdminRole;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.notification.Notification;
import com.licenseflow.notification.NotificationKind;
import com.licenseflow.notification.NotificationService;
import com.licenseflow.support.Api;
import com.licenseflow.support.ConsoleSession;
import com.licenseflow.support.IntegrationTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console's doors: every page and form refuses who the API refuses (the same role checks, not
 * a copy of them), a form from another site is refused by its missing CSRF token, nobody reaches a
 * page without logging in, and the login cannot be made to send anyone elsewhere. Each attack is
 * refused and changes nothing.
 */
@IntegrationTest
class ConsoleAttackTest extends AttackTest {

    @Test
    void anAnonymousCallerIsSentToTheLoginPageAndChangesNothing() {
        ConsoleSession anonymous = ConsoleSession.anonymous(port);
        Api.Response page = anonymous.get("/console/licenses");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/console/login?next=%2Fconsole%2Flicenses");
        refusedAndUnchanged(
                () -> anonymous.post("/console/licenses/" + product.id() + "/assign", Map.of("users", employee.id())),
                302,
                "");
        refusedAndUnchanged(() -> anonymous.get("/console/audit.csv"), 302, "");
    }

    @Test
    void anEmployeeSeesNoAdminPageAndCannotChangeAnything() {
        ConsoleSession session = ConsoleSession.login(port, employee.id());
        refusedAndUnchanged(
                () -> session.get("/console/licenses"), 403, employee.displayName() + " may not see the Licenses view");
        refusedAndUnchanged(() -> session.get("/console/users?q=a"), 403, "needs one of these roles");
        refusedAndUnchanged(() -> session.get("/console/users/" + colleague.id()), 403, "needs one of these roles");
        refusedAndUnchanged(() -> session.get("/console/audit"), 403, "needs one of these roles");
        refusedAndUnchanged(() -> session.get("/console/audit.csv"), 403, "needs one of these roles");
        refusedAndUnchanged(() -> session.get("/console/purchases"), 403, "needs one of these roles");
        session.get("/console/my-licenses");
        refusedAndUnchanged(() -> session.post("/console/licenses/catalog", Map.of()), 403, "Global administrator");
        refusedAndUnchanged(
                () -> session.post(
                        "/console/licenses/" + product.id() + "/assign",
                        Map.of("users", employee.id(), "enabledPlans", "")),
                403,
                "needs one of these roles");
        refusedAndUnchanged(
                () -> session.post("/console/users/" + colleague.id() + "/remove-all", Map.of()),
                403,
                "needs one of these roles");
        refusedAndUnchanged(
                () -> session.post(
                        "/console/users/selection", Map.of("userIds", colleague.id(), "action", "unassign-all")),
                403,
                "needs one of these roles");
        refusedAndUnchanged(
                () -> session.post(
                        "/console/users/selection",
                        Map.of("userIds", employee.id(), "productIds", product.id(), "action", "assign")),
                403,
                "needs one of these roles");
        refusedAndUnchanged(
                () -> session.post(
                        "/console/requests/settings", Map.of("ownRequestProcess", "true", "message", "closed")),
                403,
                "Global administrator");
    }

    @Test
    void aLicenseAdminCannotDoWhatOnlyBillingOrGlobalAdminsMayDo() {
        long bought =
                fixtures.selfService(product, employee.id(), 2, LocalDate.now().minusDays(2), 7);
        ConsoleSession session = ConsoleSession.login(port, licenseAdmin.id());
        session.get("/console/licenses");
        refusedAndUnchanged(
                () -> session.post(
                        "/console/requests/settings", Map.of("ownRequestProcess", "true", "message", "closed")),
                403,
                "Global administrator");
        refusedAndUnchanged(
                () -> session.post("/console/purchases/" + product.id() + "/policy", Map.of("value", "DISABLED")),
                403,
                "Billing administrator");
        refusedAndUnchanged(
                () -> session.post(
                        "/console/purchases/subscriptions/" + bought + "/takeover",
                        Map.of("product", product.id(), "action", "cancel", "reason", "OTHER")),
                403,
                "Billing administrator");
        refusedAndUnchanged(
                () -> session.post("/console/purchases/" + product.id() + "/centralize", Map.of()),
                403,
                "Billing administrator");
        refusedAndUnchanged(() -> session.post("/console/licenses/catalog", Map.of()), 403, "Global administrator");
    }

    @Test
    void aFormWithoutThePagesTokenIsRefused() {
        DirectoryUser someone = fixtures.member();
        ConsoleSession session = ConsoleSession.login(port, licenseAdmin.id());
        session.get("/console/licenses/" + product.id());
        refusedAndUnchanged(
                () -> session.postWithoutToken(
                        "/console/licenses/" + product.id() + "/assign", Map.of("users", someone.id())),
                403,
                "");
        assertThat(fixtures.holds(someone.id(), product.id())).isFalse();
    }

    @Test
    void aRefusedAssignmentIsShownNextToItsFormAndChangesNothing() {
        ConsoleSession session = ConsoleSession.login(port, licenseAdmin.id());
        session.get("/console/licenses/" + product.id());
        Api.Response answer = refusedAndUnchanged(
                () -> session.post(
                        "/console/licenses/" + product.id() + "/assign",
                        Map.of("users", employee.id() + ", nobody-at-all")),
                404,
                "There is no user");
        assertThat(answer.body()).contains("nobody-at-all").contains("Assign licenses");
    }

    @Test
    void aMalformedFormOrLinkGetsAPageInWordsNotAnError() {
        ConsoleSession session = ConsoleSession.login(port, billingAdmin.id());
        session.get("/console/purchases");
        refusedAndUnchanged(
                () -> session.post(
                        "/console/purchases/subscriptions/" + seats + "/takeover", Map.of("action", "cancel")),
                400,
                "Something this page needs was missing");
        refusedAndUnchanged(() -> session.get("/console/users?page=abc"), 400, "Something this page needs was missing");
        refusedAndUnchanged(() -> session.get("/console/users?page=0"), 422, "Pages are counted from 1");
    }

    @Test
    void theLoginNeverSendsAnyoneToAnotherSite() {
        for (String next :
                new String[] {"https://evil.example/", "//evil.example/", "/console//evil.example", "/\\evil.example"
                }) {
            ConsoleSession session = ConsoleSession.anonymous(port);
            Api.Response login = session.post(
                    "/console/login", Map.of("username", employee.id(), "password", employee.id(), "next", next));
            assertThat(login.status()).isEqualTo(302);
            assertThat(login.header("Location")).as(next).endsWith("/console/").doesNotContain("evil");
        }
    }

    @Test
    void aWrongPasswordLogsNobodyIn() {
        ConsoleSession session = ConsoleSession.anonymous(port);
        Api.Response login = session.post("/console/login", Map.of("username", globalAdmin.id(), "password", "guess"));
        assertThat(login.status()).isEqualTo(401);
        assertThat(login.body()).contains("do not match");
        assertThat(session.get("/console/licenses").status()).isEqualTo(302);
    }

    @Autowired
    NotificationService notifications;

    @Test
    void anEmployeeReadsOnlyTheEmailsAddressedToThem() {
        notifications.record(List.of(lowSeats(employee), lowSeats(globalAdmin)));
        String everyone = ConsoleSession.login(port, globalAdmin.id())
                .get("/console/emails")
                .body();
        assertThat(everyone).contains(employee.email(), globalAdmin.email());
        ConsoleSession session = ConsoleSession.login(port, employee.id());
        for (String page : new String[] {
            "/console/emails", "/console/emails?recipient=" + globalAdmin.email(), "/console/emails.csv"
        }) {
            String body = session.get(page).body();
            // The rows only: the filter box shows back what the employee typed.
            String shown =
                    body.contains("<tbody>") ? body.substring(body.indexOf("<tbody>"), body.indexOf("</tbody>")) : body;
            assertThat(Pattern.compile("[\\w.-]+@test\\.example")
                            .matcher(shown)
                            .results()
                            .map(MatchResult::group)
                            .distinct())
                    .as(page)
                    .allMatch(address -> address.equals(employee.email()));
        }
    }

    private Notification lowSeats(DirectoryUser to) {
        return new Notification(
                "console-attack/" + to.id(),
                NotificationKind.LOW_SEATS,
                to.email(),
                to.displayName(),
                Map.of(
                        "product",
                        product.name(),
                        "freeSeats",
                        1,
                        "totalSeats",
                        5,
                        "threshold",
                        "fewer than 2 free seats",
                        "trend",
                        "none"),
                null,
                null,
                null);
    }

    @Test
    void theColleaguePickerShowsNamesOnlyAndNeedsTwoLetters() {
        DirectoryUser admin = fixtures.admin(AdminRole.USER_ADMIN);
        ConsoleSession session = ConsoleSession.login(port, employee.id());
        assertThat(session.get("/console/people?q=a").body()).doesNotContain("<input");
        String found = session.get("/console/people?q=" + admin.id()).body();
        assertThat(found)
                .contains(admin.displayName())
                .doesNotContain("USER_ADMIN")
                .doesNotContain("User administrator");
    }
}
