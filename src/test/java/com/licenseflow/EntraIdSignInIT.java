package com.licenseflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.support.Api;
import com.licenseflow.support.Chromium;
import com.licenseflow.support.Eventually;
import com.licenseflow.support.GraphStandIn;
import com.licenseflow.support.GraphTenant;
import com.licenseflow.support.PackagedApplication;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.nimbusds.jose.JOSEObjectType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sign-in with Microsoft Entra ID, against the packaged jar and a real OpenID Connect provider started here
 * (mock-oauth2-server: discovery, signing keys, tokens, an interactive login page), standing in for Entra ID. People
 * sign in to Tasklist through it and decide a request; the API takes its bearer tokens, and refuses tokens of another
 * issuer or audience, tokens naming nobody in the directory, and the passwords of the embedded mode. A Microsoft Graph
 * stand-in is connected too: the decision reaches it, its refusal is undone and resolved by an admin in Tasklist.
 */
class EntraIdSignInIT {

    private static final String ISSUER = "entra";
    private static final String CLIENT = "licenseflow";

    private static final GraphTenant TENANT = new GraphTenant();
    private static GraphStandIn graph;
    private static MockOAuth2Server idp;
    private static PackagedApplication app;
    private static Chromium chromium;

    @BeforeAll
    static void start() {
        idp = new MockOAuth2Server(new OAuth2Config(
                true,
                null,
                null,
                false,
                new no.nav.security.mock.oauth2.token.OAuth2TokenProvider(),
                java.util.Set.of()));
        idp.start();
        String issuer = idp.issuerUrl(ISSUER).toString();
        // A tenant too, as in a real installation: decisions reach it, and its refusals reach an admin in Tasklist.
        graph = GraphStandIn.start(TENANT);
        graph.answerTokensAndBatches();
        TENANT.seatsOfEveryOtherSku(1_000);
        TENANT.refuse("julia@contoso.example", "ProhibitedInUsageLocationViolation");
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:mem:entra;DB_CLOSE_DELAY=-1",
                "--licenseflow.demo.enabled=true",
                "--licenseflow.sign-in.provider=entra-id",
                "--licenseflow.sign-in.issuer-uri=" + issuer,
                "--licenseflow.sign-in.client-id=" + CLIENT,
                "--licenseflow.sign-in.client-secret=not-checked-by-the-stand-in"));
        // The app signs in to the tenant with a certificate, as Microsoft recommends in production.
        arguments.addAll(graph.jarArgumentsWithCertificate());
        app = PackagedApplication.start("entra-id-sign-in", arguments, Map.of()).awaitReady("Demo data seeded");
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (app != null) {
            app.stop();
        }
        if (idp != null) {
            idp.shutdown();
        }
        if (graph != null) {
            graph.close();
        }
    }

    /** An access token of the stand-in's issuer for LicenseFlow, as Entra ID issues one for its app registration. */
    private static String token(String issuerId, String audience, Map<String, Object> claims) {
        return idp.issueToken(
                        issuerId,
                        CLIENT,
                        new DefaultOAuth2TokenCallback(
                                issuerId,
                                "subject-" + claims.hashCode(),
                                JOSEObjectType.JWT.getType(),
                                List.of(audience),
                                claims,
                                3600))
                .serialize();
    }

    private static Api as(Map<String, Object> claims) {
        return app.api().withToken(token(ISSUER, CLIENT, claims));
    }

    @Test
    void theApiTakesEntraIdsBearerTokensAndRefusesEverythingElseInWords() {
        Api alice = as(Map.of(
                "preferred_username", "alice@contoso.example", "roles", List.of("LicenseFlow.GlobalAdministrator")));
        Api.Response me = alice.get("/api/me");
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().path("user").path("id").asText()).isEqualTo("alice");

        Api.Response anonymous = app.api().get("/api/me");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(app.api().as("alice").get("/api/me").status())
                .as("no passwords in this mode")
                .isEqualTo(401);
        assertThat(app.api()
                        .withToken(token(ISSUER, "another-app", Map.of("preferred_username", "alice@contoso.example")))
                        .get("/api/me")
                        .status())
                .as("a token for another app")
                .isEqualTo(401);
        assertThat(app.api()
                        .withToken(
                                token("another-issuer", CLIENT, Map.of("preferred_username", "alice@contoso.example")))
                        .get("/api/me")
                        .status())
                .as("a token of another issuer")
                .isEqualTo(401);
        Api.Response strangerMe =
                as(Map.of("preferred_username", "mallory@elsewhere.example")).get("/api/me");
        assertThat(strangerMe.status()).isEqualTo(401);
        assertThat(strangerMe.body()).contains("mallory@elsewhere.example is not in LicenseFlow's directory");

        // A token without the app role is an employee's: the admin API refuses, the engine REST API too.
        Api bram = as(Map.of("preferred_username", "bram@contoso.example"));
        assertThat(bram.get("/api/me").json().path("user").path("id").asText()).isEqualTo("bram");
        Api.Response bramTasks = bram.get("/engine-rest/task");
        assertThat(bramTasks.status())
                .as(bramTasks.body() + " " + bramTasks.headers().map())
                .isEqualTo(403);
        assertThat(alice.get("/engine-rest/task").status())
                .as("a Global administrator's token")
                .isEqualTo(200);
    }

    @Test
    void peopleSignInToTasklistWithEntraIdDecideARequestAndResolveWhatMicrosoft365Refused() {
        Api julia = as(Map.of("preferred_username", "julia@contoso.example"));
        Api.Response asked = julia.post(
                "/api/license-requests",
                "{\"product\":\"Microsoft 365 Business Standard\","
                        + "\"colleagues\":[],\"justification\":\"New project\"}");
        assertThat(asked.status()).as(asked.body()).isIn(200, 201, 202);

        try (BrowserContext sara = browser().newContext()) {
            Page page = signInToTasklist(sara, "sara@contoso.example", "[]");
            openTask(page, "My tasks", "Approve license request");
            page.getByLabel("Approve: pass it on to the next stage").check();
            complete(page);
        }
        try (BrowserContext lars = browser().newContext()) {
            Page page = signInToTasklist(lars, "lars@contoso.example", "[\"LicenseFlow.LicenseAdministrator\"]");
            openTask(page, "My group's tasks", "Review license request");
            assertThat(page.locator(".fjs-form").textContent()).contains("Julia Eriksson asked");
            page.getByLabel("Approve (for the users ticked below)").check();
            complete(page);

            // "Log out" in Tasklist's header ends the Entra ID session too: the next page asks to sign in again.
            page.getByText("Lars Berg").first().click();
            page.getByText("Log out").first().click();
            assertSignedOut(page);
        }
        try (BrowserContext alice = browser().newContext()) {
            Page page = signInToTasklist(alice, "alice@contoso.example", "[\"LicenseFlow.GlobalAdministrator\"]");
            // The tenant refuses Julia's license (she has no usage location there): undone, and the request itself
            // puts it before its reviewers (Global administrators), before anyone is emailed.
            awaitTask(page, "My group's tasks", "Resolve refused licenses");
            Locator form = page.locator(".fjs-form");
            assertThat(form.textContent())
                    .contains(
                            "Julia Eriksson, Microsoft 365 Business Standard: Julia Eriksson "
                                    + "has no usage location in Microsoft 365",
                            "Set the user's usage location")
                    .doesNotContain("/api/");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(java.nio.file.Path.of("target", "tasklist", "resolve-refused-licenses.png"))
                    .setFullPage(true));
            page.getByText("Leaving these users out", new Page.GetByTextOptions().setExact(false))
                    .first()
                    .click();
            complete(page);
            JsonNode told = Eventually.get(
                    Duration.ofSeconds(60),
                    () -> alice().get("/api/notifications?recipient=julia@contoso.example")
                            .json(),
                    mails -> mails.size() > 0);
            assertThat(told.toString())
                    .contains("Microsoft 365 could not assign your Microsoft 365 Business Standard license");

            // A License admin's own change the tenant refuses (no process waits for it): a task of its own.
            TENANT.refuse("bram@contoso.example", "ProhibitedInUsageLocationViolation");
            Api.Response assigned = as(Map.of(
                            "preferred_username",
                            "lars@contoso.example",
                            "roles",
                            List.of("LicenseFlow.LicenseAdministrator")))
                    .post(
                            "/api/licenses/O365_BUSINESS_PREMIUM/assignments",
                            "{\"userIds\":[\"bram\"],\"reason\":\"joins the project\"}");
            assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
            awaitTask(page, "My group's tasks", "Resolve refused license change");
            form = page.locator(".fjs-form");
            assertThat(form.textContent())
                    .contains("Bram", "has no usage location in Microsoft 365", "ProhibitedInUsageLocationViolation")
                    .doesNotContain("/api/");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(java.nio.file.Path.of("target", "tasklist", "resolve-refused-license-change.png"))
                    .setFullPage(true));
            Locator whatWasDone = page.getByLabel("What was done*", new Page.GetByLabelOptions().setExact(true))
                    .or(page.getByLabel("What was done", new Page.GetByLabelOptions().setExact(true)))
                    .first();
            whatWasDone.fill("Set Bram's usage location to NL in the admin center; asked again");
            // Camunda Forms take a typed value a moment later, at once when the field is left, as a person does.
            whatWasDone.press("Tab");
            complete(page);

            // The console, in the same session: a license Graph confirmed shows as in Microsoft 365.
            String holder = holderConfirmedByGraph();
            page.navigate(app.baseUrl() + "/console/users/" + holder);
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                            page.locator(".tenant-state").first())
                    .hasText("In Microsoft 365");
            // The console's "Log out" too.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out"))
                    .click();
            assertSignedOut(page);
        }
        Api alice = alice();
        var licenses = alice.get("/api/users/julia/licenses").json();
        assertThat(StreamSupport.stream(licenses.spliterator(), false)
                        .map(l -> l.path("productId").asText()))
                .as("undone: Microsoft 365 did not assign it")
                .doesNotContain("O365_BUSINESS_PREMIUM");
        var audit = alice.get("/api/audit?user=julia").body();
        assertThat(audit).contains("lars", "TENANT_REFUSED_CHANGE");
        assertThat(alice.get("/api/license-requests?status=completed").body())
                .as("nobody left: denied after all")
                .contains("\"status\":\"DENIED\",\"decidedBy\":\"lars\"");
        assertThat(TENANT.received().stream().map(r -> r.path("url").asText()))
                .contains("/users/julia%40contoso.example/assignLicense");
    }

    @Test
    void aTakeoverWhoseMoveMicrosoft365RefusedKeepsTheSubscriptionForThoseUsersDecidedInTasklist() {
        // Sem bought Business Standard for himself and Milan while self-service was allowed for it.
        Api alice = alice();
        String standard = "O365_BUSINESS_PREMIUM";
        assertThat(alice.put("/api/self-service-policies/" + standard, "{\"value\":\"Enabled\",\"reason\":\"pilot\"}")
                        .status())
                .isEqualTo(200);
        Api.Response bought = as(Map.of("preferred_username", "sem@contoso.example"))
                .post(
                        "/api/self-service/purchases",
                        "{\"productId\":\"" + standard + "\",\"quantity\":2,\"assignTo\":[\"sem\",\"milan\"]}");
        assertThat(alice.put(
                                "/api/self-service-policies/" + standard,
                                "{\"value\":\"Disabled\",\"reason\":\"pilot over\"}")
                        .status())
                .isEqualTo(200);
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        long purchase = bought.json().path("id").asLong();
        Eventually.get(
                Duration.ofSeconds(60),
                () -> TENANT.licensesOf("milan@contoso.example").size()
                        + TENANT.licensesOf("sem@contoso.example").size(),
                held -> held == 2);
        // Microsoft 365 will refuse to move Milan to Business Premium.
        TENANT.refuse("milan@contoso.example", "MutuallyExclusiveViolation");
        long premium = StreamSupport.stream(
                        alice.get("/api/subscriptions?kind=central&productId=SPB")
                                .json()
                                .spliterator(),
                        false)
                .filter(s -> s.path("available").asInt() >= 2)
                .findFirst()
                .orElseThrow()
                .path("id")
                .asLong();
        Api.Response started = alice.post(
                "/api/subscriptions/" + purchase + "/takeover",
                "{\"action\":\"move\",\"targetSubscriptionId\":" + premium + "}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);

        try (BrowserContext context = browser().newContext()) {
            Page page = signInToTasklist(context, "alice@contoso.example", "[\"LicenseFlow.GlobalAdministrator\"]");
            awaitTask(page, "My tasks", "Resolve refused moves");
            Locator form = page.locator(".fjs-form");
            assertThat(form.textContent())
                    .contains(
                            "Microsoft 365 refused to move some users",
                            "Milan Jacobs, Microsoft 365 Business Premium:",
                            "remove the conflicting license")
                    .doesNotContain("Sem de Boer", "/api/");
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(java.nio.file.Path.of("target", "tasklist", "resolve-refused-moves.png"))
                    .setFullPage(true));
            page.getByText("Keeping the subscription for these users", new Page.GetByTextOptions().setExact(false))
                    .first()
                    .click();
            complete(page);
        }
        JsonNode takeover = Eventually.get(
                Duration.ofSeconds(60),
                () -> alice.get("/api/subscriptions/" + purchase + "/takeover").json(),
                t -> !t.path("running").asBoolean());
        assertThat(takeover.path("status").asText()).isEqualTo("MOVED");
        assertThat(takeover.path("usersStayed").asInt()).isOne();
        assertThat(alice.get("/api/subscriptions/" + purchase)
                        .json()
                        .path("status")
                        .asText())
                .as("kept for Milan")
                .isEqualTo("ACTIVE");
        assertThat(TENANT.licensesOf("sem@contoso.example"))
                .hasSize(1)
                .doesNotContainKey(TENANT.licensesOf("milan@contoso.example")
                        .keySet()
                        .iterator()
                        .next());
        JsonNode told = Eventually.get(
                Duration.ofSeconds(60),
                () -> alice.get("/api/notifications?recipient=sem@contoso.example")
                        .json(),
                mails -> mails.size() > 0);
        assertThat(told.toString()).contains("stays, for the users who could not be moved");
        // The app got its tokens with its certificate: a signed assertion each time, never a secret.
        var tokenRequests = graph.server()
                .findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching(".*/oauth2/v2.0/token")));
        assertThat(tokenRequests)
                .isNotEmpty()
                .allSatisfy(request -> assertThat(request.getBodyAsString())
                        .contains("client_assertion=")
                        .doesNotContain("client_secret"));
    }

    private static com.microsoft.playwright.Browser browser() {
        if (chromium == null) {
            chromium = Chromium.launch();
        }
        return chromium.browser();
    }

    private static Api alice() {
        return as(Map.of(
                "preferred_username", "alice@contoso.example", "roles", List.of("LicenseFlow.GlobalAdministrator")));
    }

    /** Through Entra ID's (the stand-in's) end-session endpoint, back to LicenseFlow, which asks to sign in. */
    private static void assertSignedOut(Page page) {
        page.locator("input[name=username]").waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        assertThat(page.url()).startsWith(idp.baseUrl().toString());
        for (var cookie : page.context().cookies()) {
            assertThat(app.api()
                            .withHeader("Cookie", cookie.name + "=" + cookie.value)
                            .get("/camunda/api/admin/auth/user/default")
                            .body())
                    .as("no longer signed in")
                    .doesNotContain("userId");
        }
    }

    /** A demo user with a license the demo data gave and Graph confirmed. */
    private static String holderConfirmedByGraph() {
        Api alice = alice();
        for (var user : alice.get("/api/users?size=100").json()) {
            String id = user.path("id").asText();
            for (var license : alice.get("/api/users/" + id + "/licenses").json()) {
                if ("In Microsoft 365".equals(license.path("inMicrosoft365").asText())) {
                    return id;
                }
            }
        }
        throw new AssertionError("No license of the demo data was confirmed by Graph");
    }

    /** Waits, reloading now and then, until a task called {@code name} is in {@code filter}, and opens it. */
    private static void awaitTask(Page page, String filter, String name) {
        long deadline = System.currentTimeMillis() + 60_000;
        page.getByText(filter).first().click();
        while (page.locator(".tasks-list").getByText(name).count() == 0) {
            assertThat(System.currentTimeMillis())
                    .as("a task '" + name + "' within a minute")
                    .isLessThan(deadline);
            page.waitForTimeout(1000);
            page.reload();
            page.getByText(filter).first().click();
        }
        openTask(page, filter, name);
    }

    /** Tasklist, not signed in: to Entra ID's (the stand-in's) sign-in page, a name and the token's claims, back. */
    private Page signInToTasklist(BrowserContext context, String user, String roles) {
        Page page = context.newPage();
        page.navigate(app.baseUrl() + "/camunda/app/tasklist/default/");
        page.locator("input[name=username]").fill(user);
        page.locator("textarea[name=claims]").fill("{\"preferred_username\":\"" + user + "\",\"roles\":" + roles + "}");
        page.locator("input[type=submit], button[type=submit]").first().click();
        try {
            page.getByText("Start process").first().waitFor(new Locator.WaitForOptions().setTimeout(90_000));
        } catch (RuntimeException notThere) {
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(java.nio.file.Path.of("target", "tasklist", "entra-id-sign-in-failed.png"))
                    .setFullPage(true));
            Object auth = page.evaluate(
                    "() => fetch('/camunda/api/admin/auth/user/default').then(r => r.status + ' ' + r.statusText)");
            throw new AssertionError(
                    "Not in Tasklist after signing in as " + user + ": at " + page.url() + "; the " + "webapps' user: "
                            + auth,
                    notThere);
        }
        return page;
    }

    private static void openTask(Page page, String filter, String name) {
        page.getByText(filter).first().click();
        Locator task = page.locator(".tasks-list").getByText(name).first();
        task.waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        task.click();
        Locator claim = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim"));
        page.locator(".fjs-form").or(claim).first().waitFor();
        if (claim.isVisible()) {
            claim.click();
        }
        page.locator(".fjs-form").waitFor();
    }

    private static void complete(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete"))
                .click();
        Locator refused = page.locator(".notifications .alert-danger");
        try {
            page.locator(".fjs-form")
                    .waitFor(new Locator.WaitForOptions()
                            .setState(com.microsoft.playwright.options.WaitForSelectorState.DETACHED)
                            .setTimeout(30_000));
        } catch (RuntimeException stillOpen) {
            page.screenshot(new Page.ScreenshotOptions()
                    .setPath(java.nio.file.Path.of("target", "tasklist", "entra-id-not-completed.png"))
                    .setFullPage(true));
            Api alice = alice();
            throw new AssertionError(
                    "Not completed: " + refused.allTextContents() + "; buttons: "
                            + page.getByRole(AriaRole.BUTTON).allTextContents() + "; open tasks: "
                            + alice.get("/engine-rest/task").body(),
                    stillOpen);
        }
    }
}
