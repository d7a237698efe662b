package com.licenseflow.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * LicenseFlow's console in Chromium as one person uses it: logged in on its login page (demo
 * password = user id) once per browser context, pages opened by their menu and links, forms filled in
 * by their labels. Nothing here calls the API.
 */
public final class ConsoleInBrowser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "console");

    private final Page page;
    private final String baseUrl;
    private final List<String> trouble = new CopyOnWriteArrayList<>();

    private ConsoleInBrowser(Page page, String baseUrl) {
        this.page = page;
        this.baseUrl = baseUrl;
        // What went wrong on the way, for the message of a wait that never ends (a blank page says nothing).
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") || m.type().equals("warning")) {
                trouble.add("console " + m.type() + ": " + m.text());
            }
        });
        page.onPageError(e -> trouble.add("page error: " + e));
        page.onRequestFailed(r -> trouble.add("request failed: " + r.url() + " " + r.failure()));
        page.onResponse(r -> {
            if (r.status() >= 400) {
                trouble.add(r.status() + " " + r.request().method() + " " + r.url());
            }
        });
    }

    /** A new tab in the user's context, logged in when the context has no session yet. */
    public static ConsoleInBrowser in(BrowserContext context, String baseUrl, String user) {
        Page page = context.newPage();
        page.navigate(baseUrl + "/console/");
        if (page.url().contains("/console/login")) {
            page.getByLabel("User name").fill(user);
            page.getByLabel("Password").fill(user);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                    .click();
            page.waitForURL(url -> !url.contains("/console/login"));
        }
        return new ConsoleInBrowser(page, baseUrl);
    }

    public Page page() {
        return page;
    }

    public ConsoleInBrowser open(String path) {
        page.navigate(baseUrl + path);
        return this;
    }

    /** A link of the console's menu, as a person clicks it. */
    public ConsoleInBrowser menu(String name) {
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Console"))
                .getByRole(
                        AriaRole.LINK,
                        new Locator.GetByRoleOptions().setName(name).setExact(true))
                .click();
        page.waitForLoadState();
        return this;
    }

    public ConsoleInBrowser click(String buttonOrLink) {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName(buttonOrLink).setExact(true))
                .or(page.getByRole(
                        AriaRole.LINK,
                        new Page.GetByRoleOptions().setName(buttonOrLink).setExact(true)))
                .first()
                .click();
        page.waitForLoadState();
        return this;
    }

    public ConsoleInBrowser fill(String label, String value) {
        page.getByLabel(label).fill(value);
        return this;
    }

    public ConsoleInBrowser expectText(String text) {
        assertThat(page.locator("main")).containsText(text);
        return this;
    }

    public ConsoleInBrowser expectNoText(String text) {
        assertThat(page.locator("main")).not().containsText(text);
        return this;
    }

    /** The refusal shown next to the form that caused it. */
    public String error() {
        Locator alert = page.getByRole(AriaRole.ALERT);
        alert.first().waitFor();
        return alert.first().innerText();
    }

    public String text() {
        return page.locator("main").innerText();
    }

    /**
     * Waits up to {@code timeout} for the link {@code name}; when it never shows, fails with what the page shows
     * and what went wrong while it loaded.
     */
    public Locator awaitLink(String name, Duration timeout) {
        Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name));
        trouble.clear();
        try {
            link.waitFor(new Locator.WaitForOptions().setTimeout(timeout.toMillis()));
            return link;
        } catch (TimeoutError e) {
            String shown = page.locator("body").innerText();
            throw new AssertionError(
                    "No link '" + name + "' after " + timeout.toSeconds() + " s on " + page.url()
                            + "\nThe page shows: " + shown.substring(0, Math.min(2000, shown.length()))
                            + "\nOn the way: " + String.join("\n  ", trouble),
                    e);
        }
    }

    public void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    @Override
    public void close() {
        page.close();
    }
}
