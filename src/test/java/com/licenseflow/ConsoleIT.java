package com.licenseflow;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.support.Api;
import com.licenseflow.support.ConsoleInBrowser;
import com.licenseflow.support.DemoInBrowser;
import com.licenseflow.support.Tasklist;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The console's pages in Chromium against the packaged jar with fresh demo data, each walked as its
 * user walks it: an employee requests a license and sees it pending; a License admin assigns with a
 * service switched off, switches it back on, unassigns and exports the audit trail; the Global admin
 * switches the own-request-process banner on and off; a billing admin takes over a self-service
 * subscription and watches the progress bar reach the end; one login serves the console and Tasklist.
 * What each did is checked through the API as well, not only on the page.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {

    private static final String STANDARD = "O365_BUSINESS_PREMIUM";

    private static DemoInBrowser demo;
    private static Api alice;

    @BeforeAll
    static void start() {
        demo = DemoInBrowser.start("console");
        alice = demo.api().as("alice");
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    @Order(1)
    void anEmployeeRequestsALicenseForThemselfAndAColleagueAndSeesItPending() {
        try (ConsoleInBrowser milan = demo.console("milan")) {
            milan.expectText("My licenses").expectText("You have no licenses yet.");
            assertThat(milan.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Licenses")
                    .setExact(true))).hasCount(0);

            milan.menu("Request a license");
            Locator products = milan.page().getByLabel("Product").first();
            assertThat(products.locator("option")).containsText(new String[] {"Choose a product",
                    "Microsoft 365 Business Premium", "Microsoft 365 Business Standard", "Microsoft Teams Exploratory"});
            milan.expectText("Buy it yourself").expectText("Power BI Pro").expectNoText("/api/");
            products.selectOption("Microsoft 365 Business Standard");
            milan.fill("Find a colleague", "lotte");
            Locator lotte = milan.page().getByLabel("Lotte Brouwer (lotte@contoso.example)");
            lotte.check();
            assertThat(milan.page().locator("#people-chosen")).containsText("Lotte Brouwer");
            milan.fill("Why you need it", "Project work with the sales team");
            milan.screenshot("request-a-license");
            milan.click("Send request");

            milan.expectText("Your request for Microsoft 365 Business Standard was sent")
                    .expectText("Milan Jacobs, Lotte Brouwer");
            milan.screenshot("my-licenses");
        }
        JsonNode pending = alice.get("/api/license-requests?status=pending").json();
        JsonNode request = StreamSupport.stream(pending.spliterator(), false)
                .filter(r -> r.path("requesterId").asText().equals("milan")).findFirst().orElseThrow();
        assertThat(request.path("productId").asText()).isEqualTo(STANDARD);
        assertThat(request.path("users").findValuesAsText("userId")).containsExactly("milan", "lotte");
    }

    @Test
    @Order(2)
    void aLicenseAdminAssignsWithAServiceOffSwitchesItOnAndUnassigns() {
        try (ConsoleInBrowser lars = demo.console("lars")) {
            lars.expectText("Licenses");
            Locator standardRow = lars.page().getByRole(AriaRole.ROW).filter(new Locator.FilterOptions()
                    .setHasText("Microsoft 365 Business Standard"));
            assertThat(standardRow).containsText("4");
            assertThat(standardRow.getByRole(AriaRole.IMG)).hasAttribute("aria-label", "4 of 10 seats used");
            lars.screenshot("licenses");

            lars.click("Microsoft 365 Business Standard");
            lars.fill("Users (up to 20 user names or email addresses, separated by commas)", "sem, nobody@contoso.example");
            lars.click("Assign");
            assertThat(lars.error()).contains("There is no user 'nobody@contoso.example'");
            assertThat(holds("sem", STANDARD)).as("refused: nothing assigned").isNull();

            lars.fill("Users (up to 20 user names or email addresses, separated by commas)", "sem");
            lars.page().getByLabel("Microsoft Teams").uncheck();
            lars.click("Assign");
            lars.expectText("Microsoft 365 Business Standard assigned to Sem de Boer (1 license).");
            assertThat(holds("sem", STANDARD).path("disabledServicePlans").toString()).contains("TEAMS1");
            lars.screenshot("product");

            lars.fill("Search", "sem de");
            lars.click("Search");
            lars.click("Sem de Boer");
            assertThat(lars.page().getByLabel("Microsoft Teams")).not().isChecked();
            lars.page().getByLabel("Microsoft Teams").check();
            lars.click("Save apps and services");
            lars.expectText("Apps and services of Microsoft 365 Business Standard saved.");
            assertThat(holds("sem", STANDARD).path("disabledServicePlans")).isEmpty();

            lars.open("/console/licenses/" + STANDARD + "?q=sem");
            lars.page().getByLabel("Choose Sem de Boer").check();
            lars.click("Unassign the chosen users");
            lars.expectText("Microsoft 365 Business Standard unassigned from Sem de Boer");
            assertThat(holds("sem", STANDARD)).isNull();

            lars.click("Users");
            lars.fill("Search", "Sem de B");
            assertThat(lars.page().locator("#results")).containsText("sem@contoso.example");
            lars.page().locator("#results").getByText("Sem de Boer").click();
            lars.expectText("Removed licenses").expectText("Mailbox data kept until");
            lars.screenshot("user");
        }
    }

    @Test
    @Order(3)
    void theAuditTrailIsFilteredPagedAndExported() throws IOException {
        try (ConsoleInBrowser lars = demo.console("lars")) {
            lars.menu("Audit trail");
            lars.fill("User (user name)", "sem");
            lars.click("Filter");
            lars.expectText("License assigned").expectText("License unassigned").expectText("Service plans changed")
                    .expectText("Lars Berg").expectText("Sem de Boer");
            lars.screenshot("audit-trail");
            Download csv = lars.page().waitForDownload(() -> lars.page().getByText("Export CSV").click());
            String exported = Files.readString(csv.path());
            assertThat(exported.lines().findFirst().orElseThrow()).startsWith("When,Who,");
            assertThat(exported.lines().skip(1)).isNotEmpty()
                    .allMatch(line -> line.contains(",sem,"), "every row is about sem");
            assertThat(exported).contains("LICENSE_ASSIGNED", "LICENSE_UNASSIGNED", "Lars Berg");
        }
    }

    @Test
    @Order(4)
    void theGlobalAdminSwitchesTheOwnRequestProcessBannerOnAndOff() {
        try (ConsoleInBrowser aliceInConsole = demo.console("alice")) {
            aliceInConsole.menu("Requests");
            aliceInConsole.expectText("Microsoft 365 Business Standard").expectText("Milan Jacobs");
            assertThat(aliceInConsole.page().getByText("Open in Tasklist").first()).hasAttribute("href",
                    java.util.regex.Pattern.compile(".*/camunda/app/tasklist/default/#/\\?task=.+"));

            aliceInConsole.page().getByLabel("Use your own request process").check();
            aliceInConsole.fill("Message to users", "");
            aliceInConsole.click("Save");
            assertThat(aliceInConsole.error()).contains("needs a message");
            assertThat(alice.get("/api/settings/license-requests").json().path("ownRequestProcess").asBoolean())
                    .as("refused: nothing changed").isFalse();

            aliceInConsole.fill("Message to users", "Ask the IT desk for licenses.");
            aliceInConsole.fill("Link to your process", "https://intranet.contoso.example/licenses");
            aliceInConsole.click("Save");
            aliceInConsole.expectText("Users are now sent to your own request process.")
                    .expectText("Your organisation uses its own request process.");
            aliceInConsole.screenshot("requests");
        }
        try (ConsoleInBrowser milan = demo.console("milan")) {
            milan.menu("Request a license");
            milan.expectText("Your organisation uses its own request process.").expectText("Ask the IT desk for licenses.");
            assertThat(milan.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send request")))
                    .hasCount(0);
        }
        try (ConsoleInBrowser aliceInConsole = demo.console("alice")) {
            aliceInConsole.menu("Requests");
            aliceInConsole.page().getByLabel("Use your own request process").uncheck();
            aliceInConsole.click("Save");
            aliceInConsole.expectText("Users can request licenses in LicenseFlow.")
                    .expectNoText("Your organisation uses its own request process.");
        }
        assertThat(alice.get("/api/settings/license-requests").json().path("ownRequestProcess").asBoolean()).isFalse();
    }

    @Test
    @Order(5)
    void aBillingAdminTakesOverASubscriptionAndWatchesTheMoveReachTheEnd() {
        try (ConsoleInBrowser bill = demo.console("bill")) {
            bill.menu("Self-service purchases");
            bill.page().getByLabel("Product").first().selectOption("Power BI Pro (bought self-service)");
            bill.expectText("Bought by Jonas van Dijk").expectText("Export users (CSV)");
            bill.screenshot("self-service-purchases");
            Locator jonas = bill.page().locator("section").filter(new Locator.FilterOptions()
                    .setHasText("Bought by Jonas van Dijk"));
            jonas.getByLabel("Take over").selectOption("move");
            jonas.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Take over")).click();

            bill.page().waitForURL(url -> url.contains("/console/takeovers/"));
            Locator bar = bill.page().getByRole(AriaRole.PROGRESSBAR, new Page.GetByRoleOptions().setName("Users moved"));
            assertThat(bar).hasAttribute("aria-valuemax", "2");
            // htmx asks again every second while the move runs; the page ends on its own, nobody reloads it.
            assertThat(bill.page().locator("#takeover-progress")).containsText("2 of 2 users moved",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
            assertThat(bar).hasAttribute("aria-valuenow", "2");
            assertThat(bill.page().locator("#takeover-progress")).containsText("Moved");
            bill.screenshot("takeover-progress");
        }
        JsonNode jonas = alice.get("/api/users/jonas/licenses").json();
        assertThat(jonas.findValuesAsText("productId")).contains("POWER_BI_PRO");
    }

    @Test
    @Order(6)
    void oneLoginServesTheConsoleAndTasklistAndEachLinksToTheOther() {
        try (ConsoleInBrowser console = demo.console("alice")) {
            console.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tasklist")).click();
            console.page().getByText("Start process").first().waitFor();
            assertThat(console.page().getByPlaceholder("Username")).hasCount(0);
            console.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("LicenseFlow console")).click();
            console.page().waitForURL(url -> url.contains("/console/licenses"));
        }
        try (Tasklist tasklist = demo.tasklist("noah")) {
            tasklist.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("LicenseFlow console")).click();
            tasklist.page().waitForURL(url -> url.contains("/console/my-licenses"));
            assertThat(tasklist.page().locator("header")).containsText("Noah Bakker");
        }
    }

    /** The user's license of the product as the API shows it, or null when they hold none. */
    private static JsonNode holds(String userId, String productId) {
        return StreamSupport.stream(alice.get("/api/users/" + userId + "/licenses").json().spliterator(), false)
                .filter(l -> l.path("productId").asText().equals(productId)).findFirst().orElse(null);
    }
}
