package com.licenseflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.support.Api;
import com.licenseflow.support.ConsoleInBrowser;
import com.licenseflow.support.Eventually;
import com.licenseflow.support.PackagedApplication;
import com.licenseflow.support.Tasklist;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's walk-through, in a real browser against the packaged jar: an employee requests a
 * license in Tasklist, their manager approves the first stage and a License administrator part of it, in Tasklist; the licenses are there and everyone
 * got an email. (Every other path of every process: LicenseRequestTasklistIT, TakeoverTasklistIT,
 * CentralizationTasklistIT.) Needs
 * Debian's Chromium at /usr/bin/chromium; skipped with a reason without it, unless
 * LICENSEFLOW_BROWSER_REQUIRED=1 (as in .ci/run).
 */
class TasklistWalkthroughIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path SCREENSHOTS = Path.of("target", "walkthrough");
    private static final String JUSTIFICATION =
            "Sales dashboards, see [the plan](http://evil.example/plan) or " + "http://evil.example/more <b>now</b>";

    private static Playwright playwright;
    private static Browser browser;
    private static PackagedApplication application;

    @BeforeAll
    static void launch() {
        boolean required = "1".equals(System.getenv("LICENSEFLOW_BROWSER_REQUIRED"));
        if (!Files.isExecutable(CHROMIUM)) {
            if (required) {
                throw new IllegalStateException(
                        "Browser test required but " + CHROMIUM + " is missing " + "(apt-get install chromium)");
            }
            Assumptions.abort("No Chromium at " + CHROMIUM + "; browser walk-through skipped");
        }
        application = PackagedApplication.get();
        // Playwright must use the machine's Chromium, never download its own.
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(CHROMIUM)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
    }

    @AfterAll
    static void close() {
        if (playwright != null) {
            playwright.close();
        }
    }

    @Test
    void anEmployeeRequestsInTasklistTheirManagerApprovesAndALicenseAdministratorApprovesPartOfIt() {
        try (BrowserContext employee =
                browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))) {
            Page page = employee.newPage();
            login(page, "liam");
            page.getByText("Start process").first().click();
            page.getByText("License request approval").click();
            page.getByLabel("Product").fill("Power BI Pro");
            page.getByLabel("Why is it needed?").fill("Sales dashboards for the new region");
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Start").setExact(true))
                    .click();
            assertThat(page.getByText("you can buy Power BI Pro yourself").textContent())
                    .as("a product users may buy needs no request")
                    .contains("self-service purchase");

            page.getByLabel("Product").fill("Microsoft 365 Business Standard");
            page.getByLabel("Colleagues who also need it").fill("julia, milan@contoso.example");
            page.getByLabel("Why is it needed?").fill(JUSTIFICATION);
            page.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Start").setExact(true))
                    .click();
            page.getByText("The process has been started.").waitFor();
            screenshot(page, "1-requested");
        }

        Api alice = application.api().as("alice");
        JsonNode pending = StreamSupport.stream(
                        alice.get("/api/license-requests?status=pending").json().spliterator(), false)
                .filter(r -> r.path("requesterId").asText().equals("liam"))
                .findFirst()
                .orElseThrow();
        assertThat(pending.path("productName").asText()).isEqualTo("Microsoft 365 Business Standard");

        assertThat(pending.path("approval").path("waitingFor").asText()).isEqualTo("Noah Bakker");
        assertThat(pending.path("approval").path("policy").asText())
                .isEqualTo("Business Standard: manager, then a License administrator");

        // Stage 1 of the approval policy: Liam's manager, in "My tasks".
        try (BrowserContext manager = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))) {
            Page page = manager.newPage();
            login(page, "noah");
            page.getByText("My tasks").first().click();
            // The list says whose request for what, as the work reads.
            page.locator(".tasks-list")
                    .getByText(
                            "Approve license request: Microsoft 365 Business Standard for Liam Smit and 2 colleagues")
                    .click();
            Locator form = page.locator(".fjs-form");
            form.waitFor();
            assertThat(form.textContent())
                    .contains(
                            "Approval stage 1 of 2",
                            "Liam Smit asks for Microsoft 365 "
                                    + "Business Standard for Liam Smit, Julia Eriksson and Milan Jacobs");
            page.getByLabel("Approve: pass it on to the next stage").check();
            screenshot(page, "2-manager-approves");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete"))
                    .click();
            form.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
        }
        assertThat(alice.get("/api/license-requests/" + pending.path("id").asText())
                        .json()
                        .path("approval")
                        .path("waitingFor")
                        .asText())
                .isEqualTo("a License administrator");

        // Stage 2, the review: a License administrator chooses users, product and services.
        try (BrowserContext approver =
                browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000))) {
            Page page = approver.newPage();
            login(page, "lars");
            page.getByText("My group's tasks").first().click();
            page.getByText("Review license request").first().click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim"))
                    .click();
            Locator form = page.locator(".fjs-form");
            assertThat(form.textContent())
                    .contains(
                            "Liam Smit asked",
                            "Microsoft 365 Business Standard - 6 seats available",
                            "Microsoft Intune (only in Microsoft 365 Business Premium)");
            // What the requester typed is shown as typed: no link, no markup.
            assertThat(page.getByLabel("Why it is needed, as the requester wrote it")
                            .inputValue())
                    .isEqualTo(JUSTIFICATION);
            assertThat(form.locator("a[href*='evil.example']").count())
                    .as("links in the form")
                    .isZero();
            page.getByLabel("Approve (for the users ticked below)").check();
            page.getByLabel("Milan Jacobs <milan@contoso.example>").uncheck();
            page.getByLabel("Microsoft Teams").uncheck();
            page.getByLabel("Message to the users (optional)").fill("Milan: the shared mailbox is enough for you.");
            screenshot(page, "3-review");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete"))
                    .click();
            form.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
            screenshot(page, "4-completed");
        }

        JsonNode decided = alice.get(
                        "/api/license-requests/" + pending.path("id").asText())
                .json();
        assertThat(decided.path("status").asText()).isEqualTo("PARTLY_APPROVED");
        Map<String, String> outcomes = StreamSupport.stream(
                        decided.path("users").spliterator(), false)
                .collect(Collectors.toMap(
                        u -> u.path("userId").asText(), u -> u.path("outcome").asText()));
        assertThat(outcomes)
                .containsOnly(
                        Map.entry("liam", "APPROVED"), Map.entry("julia", "APPROVED"), Map.entry("milan", "DENIED"));
        JsonNode juliasLicenses = alice.get("/api/users/julia/licenses").json();
        JsonNode standard = StreamSupport.stream(juliasLicenses.spliterator(), false)
                .filter(l -> l.path("productId").asText().equals("O365_BUSINESS_PREMIUM"))
                .findFirst()
                .orElseThrow();
        assertThat(standard.path("disabledServicePlans"))
                .extracting(JsonNode::asText)
                .containsExactly("TEAMS1");
        assertThat(alice.get("/api/users/milan/licenses").json())
                .noneMatch(l -> l.path("productId").asText().equals("O365_BUSINESS_PREMIUM"));

        // The job executor of the running application sends the emails after the decision committed.
        JsonNode sent = awaitSent(alice, pending.path("id").asText(), 3);
        Map<String, String> subjects = StreamSupport.stream(sent.spliterator(), false)
                .collect(Collectors.toMap(
                        n -> n.path("recipientEmail").asText(),
                        n -> n.path("subject").asText()));
        assertThat(subjects)
                .containsOnly(
                        Map.entry("liam@contoso.example", "Your license for Microsoft 365 Business Standard is ready"),
                        Map.entry("julia@contoso.example", "Your license for Microsoft 365 Business Standard is ready"),
                        Map.entry(
                                "milan@contoso.example",
                                "Your license request for Microsoft 365 Business Standard was denied"));
        JsonNode received = alice.get("/api/dev-mailbox").json();
        assertThat(received).anyMatch(m -> m.path("recipients").toString().contains("milan@contoso.example"));

        whatCameOfItInTheConsole();
        theMoneySide(alice);
    }

    /** The README's steps 4 to 6: the request, Julia's license, the audit trail and the emails in the console. */
    private void whatCameOfItInTheConsole() {
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
                ConsoleInBrowser liam = ConsoleInBrowser.in(context, application.baseUrl(), "liam")) {
            liam.menu("Requests").click("Completed");
            liam.expectText("Microsoft 365 Business Standard")
                    .expectText("Julia Eriksson: approved")
                    .expectText("Milan Jacobs: denied")
                    .expectText("by Lars Berg");
            liam.screenshot("5-requests-completed");
        }
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
                ConsoleInBrowser lars = ConsoleInBrowser.in(context, application.baseUrl(), "lars")) {
            lars.menu("Users");
            lars.fill("Search", "julia");
            PlaywrightAssertions.assertThat(lars.page().locator("#results"))
                    .not()
                    .containsText("alice@contoso.example");
            lars.page().locator("#results").getByText("Julia Eriksson").click();
            lars.expectText("Microsoft 365 Business Standard");
            PlaywrightAssertions.assertThat(lars.page().getByLabel("Microsoft Teams"))
                    .not()
                    .isChecked();
            lars.menu("Audit trail")
                    .expectText("Microsoft 365 Business Standard")
                    .expectText("Lars Berg");
            lars.menu("Emails")
                    .expectText("Your license for Microsoft 365 Business Standard is ready")
                    .expectText("Your license request for Microsoft 365 Business Standard was denied");
            lars.screenshot("5-emails");

            lars.menu("Licenses").click("Microsoft 365 Business Standard");
            lars.fill("Users (up to 20 user names or email addresses, separated by commas)", "sem");
            lars.page().getByLabel("Microsoft Teams").uncheck();
            lars.click("Assign");
            lars.expectText("Microsoft 365 Business Standard assigned to Sem de Boer (1 license).");
            lars.menu("Audit trail").expectText("Sem de Boer");
        }
    }

    /** The README's steps 7 to 9: reclaiming idle licenses, the renewals waiting, what it saves. */
    private void theMoneySide(Api alice) {
        Api.Response started = application
                .api()
                .as("lars")
                .post("/api/reclaim-runs", "{\"product\":\"Microsoft 365 Business Premium\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        try (Tasklist noah = Tasklist.as(browser, application.baseUrl(), "noah")) {
            noah.awaitTask("My tasks", "Review idle licenses", 60);
            assertThat(noah.text()).contains("Liam Smit: Microsoft 365 Business Premium", "Olivia Lindqvist");
            noah.page().getByLabel("Liam Smit: Microsoft 365 Business Premium").check();
            noah.fill("Why they are still needed", "Back from his sabbatical in January");
            noah.expectNoText("Say why the licenses you keep are still needed.");
            noah.complete();
        }
        Eventually.get(
                Duration.ofSeconds(60),
                () -> alice.get("/api/users/olivia/licenses").json(),
                licenses -> StreamSupport.stream(licenses.spliterator(), false)
                        .noneMatch(l -> l.path("productId").asText().equals("SPB")));
        try (Tasklist bill = Tasklist.as(browser, application.baseUrl(), "bill")) {
            bill.page().getByText("My group's tasks").first().click();
            PlaywrightAssertions.assertThat(bill.page().locator(".tasks-list").getByText("Decide renewal"))
                    .hasCount(2);
        }
        assertThat(alice.get("/api/savings").status()).isEqualTo(200);
    }

    private static JsonNode awaitSent(Api api, String requestId, int expected) {
        JsonNode sent = Eventually.get(
                Duration.ofSeconds(30),
                () -> api.get("/api/notifications?status=sent&licenseRequestId=" + requestId)
                        .json(),
                s -> s.size() >= expected);
        assertThat(sent).as("emails sent for request " + requestId).hasSize(expected);
        return sent;
    }

    /** The API reference as a developer opens it: Swagger UI asks for a login, then lists every call in words. */
    @Test
    void theApiReferenceOpensInTheBrowserAfterLoggingIn() {
        try (BrowserContext developer = browser.newContext(
                new Browser.NewContextOptions().setViewportSize(1400, 1000).setHttpCredentials("noah", "noah"))) {
            Page page = developer.newPage();
            page.navigate(application.baseUrl() + "/api/docs");
            page.getByText("LicenseFlow API").first().waitFor();
            page.getByText("R1 ask for a license").first().waitFor();
            assertThat(page.getByText("S4 take over a self-service subscription")
                            .count())
                    .isPositive();
            screenshot(page, "api-reference");
        }
        try (BrowserContext anonymous = browser.newContext()) {
            assertThat(anonymous
                            .request()
                            .get(application.baseUrl() + "/api/openapi")
                            .status())
                    .as("no login, no reference")
                    .isEqualTo(401);
        }
    }

    private void login(Page page, String user) {
        try {
            Tasklist.logIn(page, application.baseUrl(), user);
        } catch (RuntimeException | AssertionError notLoggedIn) {
            // What the page showed instead (a refusal, a delay, an error) is what explains a failure here.
            screenshot(page, "login-failed-" + user);
            throw notLoggedIn;
        }
    }

    private static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }
}
