package com.licenseflow;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.support.Api;
import com.licenseflow.support.ConsoleInBrowser;
import com.licenseflow.support.DemoInBrowser;
import com.licenseflow.support.Eventually;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The console's pages in Chromium against the packaged jar with the demo data (the jar the walk-through
 * suites share: the users here are not theirs), each walked as its
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
        demo = DemoInBrowser.shared();
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
        try (ConsoleInBrowser bram = demo.console("bram")) {
            bram.expectText("My licenses").expectText("You have no licenses yet.");
            assertThat(bram.page()
                            .getByRole(
                                    AriaRole.LINK,
                                    new Page.GetByRoleOptions()
                                            .setName("Licenses")
                                            .setExact(true)))
                    .hasCount(0);

            bram.menu("Request a license");
            Locator products = bram.page().getByLabel("Product").first();
            assertThat(products.locator("option")).containsText(new String[] {
                "Choose a product",
                "Microsoft 365 Business Premium",
                "Microsoft 365 Business Standard",
                "Microsoft Teams Exploratory"
            });
            bram.expectText("Buy it yourself")
                    .expectText("Power BI Pro (€14.00 a month per license)")
                    .expectNoText("/api/");
            products.selectOption("Microsoft 365 Business Standard");
            bram.fill("Find a colleague", "tess");
            Locator tess = bram.page().getByLabel("Tess Vos (tess@contoso.example)");
            tess.check();
            assertThat(bram.page().locator("#people-chosen")).containsText("Tess Vos");
            bram.fill("Why you need it", "Project work with the sales team");
            bram.screenshot("request-a-license");
            bram.click("Send request");

            bram.expectText("Your request for Microsoft 365 Business Standard was sent")
                    .expectText("Bram de Graaf, Tess Vos");
            bram.screenshot("my-licenses");
        }
        JsonNode pending = alice.get("/api/license-requests?status=pending").json();
        JsonNode request = StreamSupport.stream(pending.spliterator(), false)
                .filter(r -> r.path("requesterId").asText().equals("bram"))
                .findFirst()
                .orElseThrow();
        assertThat(request.path("productId").asText()).isEqualTo(STANDARD);
        assertThat(request.path("users").findValuesAsText("userId")).containsExactly("bram", "tess");
    }

    @Test
    @Order(2)
    void aLicenseAdminAssignsWithAServiceOffSwitchesItOnAndUnassigns() {
        try (ConsoleInBrowser lars = demo.console("lars")) {
            lars.expectText("Licenses");
            Locator standardRow = lars.page()
                    .getByRole(AriaRole.ROW)
                    .filter(new Locator.FilterOptions().setHasText("Microsoft 365 Business Standard"));
            assertThat(standardRow).containsText("4");
            assertThat(standardRow.getByRole(AriaRole.IMG)).hasAttribute("aria-label", "4 of 10 seats used");
            lars.screenshot("licenses");

            lars.click("Microsoft 365 Business Standard");
            lars.fill(
                    "Users (up to 20 user names or email addresses, separated by commas)",
                    "sem, nobody@contoso.example");
            lars.click("Assign");
            assertThat(lars.error()).contains("There is no user 'nobody@contoso.example'");
            assertThat(holds("sem", STANDARD)).as("refused: nothing assigned").isNull();

            lars.fill("Users (up to 20 user names or email addresses, separated by commas)", "sem");
            lars.page().getByLabel("Microsoft Teams").uncheck();
            lars.click("Assign");
            lars.expectText("Microsoft 365 Business Standard assigned to Sem de Boer (1 license).");
            assertThat(holds("sem", STANDARD).path("disabledServicePlans").toString())
                    .contains("TEAMS1");
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
            // Nothing is taken away before the admin has read what Sem loses.
            lars.expectText("Unassign Microsoft 365 Business Standard from Sem de Boer?")
                    .expectText("Sem de Boer loses Microsoft 365 Business Standard, with Exchange Online (Plan 1)")
                    .expectText("mailbox data is kept for 30 days");
            assertThat(holds("sem", STANDARD)).isNotNull();
            lars.screenshot("unassign-confirmation");
            lars.click("Unassign Microsoft 365 Business Standard");
            lars.expectText("Microsoft 365 Business Standard unassigned from Sem de Boer");
            assertThat(holds("sem", STANDARD)).isNull();

            lars.click("Users");
            lars.fill("Search", "Sem de B");
            assertThat(lars.page().locator("#results")).not().containsText("alice@contoso.example");
            assertThat(lars.page().locator("#results")).containsText("sem@contoso.example");
            lars.page().locator("#results").getByText("Sem de Boer").click();
            lars.expectText("Removed licenses").expectText("Mailbox data kept until");
            lars.screenshot("user");

            // A selection of users: several products at once (A4), then every license they hold (A7).
            lars.click("Users");
            lars.fill("Search", "sophie");
            // The results are swapped in as she types: choose once the list shows only the matches.
            assertThat(lars.page().locator("#results")).not().containsText("alice@contoso.example");
            assertThat(lars.page().locator("#results")).containsText("sophie@contoso.example");
            lars.page().getByLabel("Choose Sophie Mulder").check();
            lars.page().getByLabel("Visio Plan 2").check();
            lars.click("Assign the checked products");
            lars.expectText("Visio Plan 2 assigned to Sophie Mulder (1 license).");
            assertThat(holds("sophie", "VISIOCLIENT")).isNotNull();

            lars.fill("Search", "sophie");
            // The results are swapped in as she types: choose once the list shows only the matches.
            assertThat(lars.page().locator("#results")).not().containsText("alice@contoso.example");
            assertThat(lars.page().locator("#results")).containsText("sophie@contoso.example");
            lars.page().getByLabel("Choose Sophie Mulder").check();
            lars.click("Unassign all their licenses");
            lars.expectText("Unassign every license of Sophie Mulder?").expectText("Sophie Mulder loses Visio Plan 2");
            lars.click("Unassign all licenses");
            lars.expectText("Every license of Sophie Mulder unassigned (2 licenses).");
            assertThat(alice.get("/api/users/sophie/licenses").json()).isEmpty();
        }
    }

    @Test
    @Order(3)
    void theAuditTrailIsFilteredPagedAndExported() throws IOException {
        try (ConsoleInBrowser lars = demo.console("lars")) {
            lars.menu("Audit trail");
            lars.fill("User (user name)", "sem");
            lars.click("Filter");
            lars.expectText("License assigned")
                    .expectText("License unassigned")
                    .expectText("Service plans changed")
                    .expectText("Lars Berg")
                    .expectText("Sem de Boer");
            lars.screenshot("audit-trail");
            Download csv = lars.page()
                    .waitForDownload(() -> lars.page().getByText("Export CSV").click());
            String exported = Files.readString(csv.path());
            assertThat(exported.lines().findFirst().orElseThrow()).startsWith("When,Who,");
            assertThat(exported.lines().skip(1))
                    .isNotEmpty()
                    .allMatch(line -> line.contains(",sem,"), "every row is about sem");
            assertThat(exported).contains("License assigned", "License unassigned", "Lars Berg");
        }
    }

    @Test
    @Order(4)
    void theGlobalAdminSwitchesTheOwnRequestProcessBannerOnAndOff() {
        try (ConsoleInBrowser aliceInConsole = demo.console("alice")) {
            aliceInConsole.menu("Requests");
            aliceInConsole.expectText("Microsoft 365 Business Standard").expectText("Bram de Graaf");
            assertThat(aliceInConsole.page().getByText("Open in Tasklist").first())
                    .hasAttribute("href", Pattern.compile(".*/camunda/app/tasklist/default/#/\\?task=.+"));

            aliceInConsole.page().getByLabel("Use your own request process").check();
            aliceInConsole.fill("Message to users", "");
            aliceInConsole.click("Save");
            assertThat(aliceInConsole.error()).contains("needs a message");
            assertThat(alice.get("/api/settings/license-requests")
                            .json()
                            .path("ownRequestProcess")
                            .asBoolean())
                    .as("refused: nothing changed")
                    .isFalse();

            aliceInConsole.fill("Message to users", "Ask the IT desk for licenses.");
            aliceInConsole.fill("Link to your process", "https://intranet.contoso.example/licenses");
            aliceInConsole.click("Save");
            aliceInConsole
                    .expectText("Users are now sent to your own request process.")
                    .expectText("Your organisation uses its own request process.");
            aliceInConsole.screenshot("requests");
        }
        try (ConsoleInBrowser bram = demo.console("bram")) {
            bram.menu("Request a license");
            bram.expectText("Your organisation uses its own request process.")
                    .expectText("Ask the IT desk for licenses.");
            assertThat(bram.page().getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send request")))
                    .hasCount(0);
        }
        try (ConsoleInBrowser aliceInConsole = demo.console("alice")) {
            aliceInConsole.menu("Requests");
            aliceInConsole.page().getByLabel("Use your own request process").uncheck();
            aliceInConsole.click("Save");
            aliceInConsole
                    .expectText("Users can request licenses in LicenseFlow.")
                    .expectNoText("Your organisation uses its own request process.");
        }
        assertThat(alice.get("/api/settings/license-requests")
                        .json()
                        .path("ownRequestProcess")
                        .asBoolean())
                .isFalse();
    }

    @Test
    @Order(5)
    void aBillingAdminTakesOverASubscriptionAndWatchesTheMoveReachTheEnd() {
        try (ConsoleInBrowser bill = demo.console("bill")) {
            bill.menu("Self-service purchases");
            bill.page().getByLabel("Product").first().selectOption("Power BI Pro (bought self-service)");
            bill.expectText("Bought by Jonas van Dijk").expectText("Export users (CSV)");
            bill.screenshot("self-service-purchases");
            Locator jonas = bill.page()
                    .locator("section")
                    .filter(new Locator.FilterOptions().setHasText("Bought by Jonas van Dijk"));
            // "and cancel it" asks first, saying who loses what; going back changes nothing.
            jonas.getByLabel("Take over").selectOption("cancel");
            jonas.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Take over"))
                    .click();
            bill.expectText("Take over and cancel the Power BI Pro subscription Jonas van Dijk bought?")
                    .expectText("lose Power BI Pro")
                    .expectText("Jonas van Dijk gets an email saying so.");
            bill.screenshot("takeover-cancel-confirmation");
            bill.click("Cancel");
            bill.expectText("Bought by Jonas van Dijk");
            assertThat(alice.get("/api/subscriptions?kind=self-service&productId=POWER_BI_PRO")
                            .json()
                            .findValuesAsText("status"))
                    .doesNotContain("Deleted", "DELETED");

            jonas.getByLabel("Take over").selectOption("move");
            jonas.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Take over"))
                    .click();

            bill.page().waitForURL(url -> url.contains("/console/takeovers/"));
            Locator bar =
                    bill.page().getByRole(AriaRole.PROGRESSBAR, new Page.GetByRoleOptions().setName("Users moved"));
            assertThat(bar).hasAttribute("aria-valuemax", "2");
            // htmx asks again every second while the move runs; the page ends on its own, nobody reloads it.
            assertThat(bill.page().locator("#takeover-progress"))
                    .containsText("2 of 2 users moved", new LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
            assertThat(bar).hasAttribute("aria-valuenow", "2");
            assertThat(bill.page().locator("#takeover-progress")).containsText("Moved");
            bill.screenshot("takeover-progress");

            // Jonas is told (by the job executor, a moment later), and the admins can see that he was.
            Eventually.get(
                    Duration.ofSeconds(60),
                    () -> alice.get("/api/notifications?recipient=jonas@contoso.example")
                            .json(),
                    mails -> mails.toString().contains("subscription was cancelled"));
            bill.menu("Emails");
            bill.fill("To (email address)", "jonas@contoso.example");
            bill.click("Filter");
            bill.expectText("Your Power BI Pro subscription was cancelled")
                    .expectText("Jonas van Dijk (jonas@contoso.example)");
        }
        JsonNode jonas = alice.get("/api/users/jonas/licenses").json();
        assertThat(jonas.findValuesAsText("productId")).contains("POWER_BI_PRO");
    }

    @Test
    @Order(6)
    void oneLoginServesTheConsoleAndTasklistAndEachLinksToTheOther() {
        try (ConsoleInBrowser console = demo.console("alice")) {
            console.page()
                    .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tasklist"))
                    .click();
            console.page().getByText("Start process").first().waitFor();
            assertThat(console.page().getByPlaceholder("Username")).hasCount(0);
            console.page()
                    .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("LicenseFlow console"))
                    .click();
            console.page().waitForURL(url -> url.contains("/console/licenses"));

            console.page()
                    .getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cockpit"))
                    .click();
            Locator backFromCockpit =
                    console.page().getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("LicenseFlow console"));
            backFromCockpit.waitFor();
            backFromCockpit.click();
            console.page().waitForURL(url -> url.contains("/console/licenses"));
            // Admin and the welcome page carry the same script (which also signs out of Entra ID, see EntraIdSignInIT).
            String base = console.page().url().replaceAll("/console/.*", "");
            for (String app : List.of("admin", "welcome")) {
                console.page().navigate(base + "/camunda/app/" + app + "/default/");
                // An app's first page is slow on a loaded machine (its bundle compiled and served the first time).
                console.awaitLink("LicenseFlow console", Duration.ofSeconds(90));
            }
            console.page().navigate(base + "/console/licenses");

            // One session: logging out of the console logs out of Tasklist too.
            console.click("Log out");
            console.page().waitForURL(url -> url.contains("/console/login"));
            console.page().navigate(console.page().url().replaceAll("/console/.*", "/camunda/app/tasklist/default/"));
            console.page().getByPlaceholder("Username").waitFor();
        }
    }

    @Test
    @Order(7)
    void theGlobalAdminImportsMicrosoftsCatalogAndAWrongFileChangesNothing() throws IOException {
        String header = "Product_Display_Name,String_Id,GUID,Service_Plan_Name,Service_Plan_Id,"
                + "Service_Plans_Included_Friendly_Names\r\n";
        String powerBi = "Power BI Pro,POWER_BI_PRO,f8a1db68-be16-40ed-86d5-cb42ce701560,BI_AZURE_P2,"
                + "70d33638-9c74-4d01-bfd3-562de28bd4ba,Power BI Pro\r\n"
                + "Power BI Pro,POWER_BI_PRO,f8a1db68-be16-40ed-86d5-cb42ce701560,EXCHANGE_S_FOUNDATION,"
                + "113feb6c-3fe4-4440-bddc-54d774bf0318,Exchange Foundation\r\n";
        java.nio.file.Path folder = Files.createTempDirectory("catalog");
        java.nio.file.Path wrong = Files.writeString(
                folder.resolve("wrong.csv"),
                header + powerBi.replace("70d33638-9c74-4d01-bfd3-562de28bd4ba", "70d33638"));
        java.nio.file.Path right = Files.writeString(
                folder.resolve("Product names and service plan identifiers for licensing.csv"),
                "\uFEFF" + header + powerBi);
        int importsBefore =
                alice.get("/api/audit?action=CATALOG_IMPORTED").json().size();

        try (ConsoleInBrowser aliceInConsole = demo.console("alice")) {
            aliceInConsole.menu("Licenses");
            aliceInConsole.page().getByLabel("Microsoft's CSV file").setInputFiles(wrong);
            aliceInConsole.click("Import");
            assertThat(aliceInConsole.error())
                    .contains("Nothing was imported")
                    .contains("line 2: Service_Plan_Id \"70d33638\" is not a GUID");
            assertThat(alice.get("/api/audit?action=CATALOG_IMPORTED").json().size())
                    .isEqualTo(importsBefore);

            aliceInConsole.page().getByLabel("Microsoft's CSV file").setInputFiles(right);
            aliceInConsole.click("Import");
            aliceInConsole.expectText(
                    "Microsoft's catalog imported: 1 product, 2 service plans; 1 of your products found.");
        }
        JsonNode product = alice.get("/api/licenses/POWER_BI_PRO").json().path("product");
        assertThat(product.path("skuId").asText()).isEqualTo("f8a1db68-be16-40ed-86d5-cb42ce701560");
        assertThat(alice.get("/api/audit?action=CATALOG_IMPORTED")
                        .json()
                        .get(0)
                        .path("details")
                        .asText())
                .contains("imported from Product names and service plan identifiers for licensing.csv");
    }

    /** The user's license of the product as the API shows it, or null when they hold none. */
    private static JsonNode holds(String userId, String productId) {
        return StreamSupport.stream(
                        alice.get("/api/users/" + userId + "/licenses").json().spliterator(), false)
                .filter(l -> l.path("productId").asText().equals(productId))
                .findFirst()
                .orElse(null);
    }
}
