package com.licenseflow.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.nio.file.Path;

/**
 * Camunda Tasklist in Chromium, as one person uses it: log in, start a process from its start form,
 * open a task (claiming it), fill in the Camunda Form by its labels, complete it. Nothing here calls
 * the engine: what a test does through this, a person can do.
 */
public final class Tasklist implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "tasklist");
    private static final double FIRST_PAGE_MS = 90_000;

    private final BrowserContext context;
    private final Page page;
    private final boolean ownsContext;

    private Tasklist(BrowserContext context, Page page, boolean ownsContext) {
        this.context = context;
        this.page = page;
        this.ownsContext = ownsContext;
    }

    /** Logs {@code user} in (demo password = user id) in a browser context of its own. */
    public static Tasklist as(Browser browser, String baseUrl, String user) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 1000));
        Page page = context.newPage();
        logIn(page, baseUrl, user);
        return new Tasklist(context, page, true);
    }

    /**
     * A new tab in {@code context}, which keeps {@code user}'s session (as a person's browser does):
     * logged in when the session is new. Closing it closes the tab only.
     */
    public static Tasklist in(BrowserContext context, String baseUrl, String user) {
        Page page = context.newPage();
        page.navigate(baseUrl + "/camunda/app/tasklist/default/");
        Locator startProcess = page.getByText("Start process").first();
        Locator username = page.getByPlaceholder("Username");
        // The first page of a jar that just started can take long on a busy two-core machine.
        startProcess.or(username).first().waitFor(new Locator.WaitForOptions().setTimeout(FIRST_PAGE_MS));
        if (!startProcess.isVisible()) {
            logIn(page, baseUrl, user);
        }
        return new Tasklist(context, page, false);
    }

    /** Tasklist's login form, filled in as a person does once it is ready; waits until the user is in. */
    public static void logIn(Page page, String baseUrl, String user) {
        page.navigate(baseUrl + "/camunda/app/tasklist/default/");
        // The login form is drawn once the app has asked who is logged in; typing before that can land in
        // the wrong field, so wait for the page to settle and check what was typed.
        page.waitForLoadState(LoadState.NETWORKIDLE);
        Locator username = page.getByPlaceholder("Username");
        Locator password = page.getByPlaceholder("Password");
        for (int attempt = 0; !user.equals(username.inputValue()) || !user.equals(password.inputValue()); attempt++) {
            if (attempt == 5) {
                throw new AssertionError("Could not type " + user + "'s login into Tasklist's form");
            }
            username.fill(user);
            password.fill(user);
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in"))
                .click();
        page.getByText("Start process").first().waitFor(new Locator.WaitForOptions().setTimeout(FIRST_PAGE_MS));
    }

    public Page page() {
        return page;
    }

    /**
     * Opens the start form of {@code processName} and waits until the form is drawn: Start clicked before
     * that submits nothing, and the process name also heads every open task of that process in the list.
     */
    public Tasklist startForm(String processName) {
        page.getByText("Start process").first().click();
        Locator dialog = page.locator(".modal");
        dialog.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(processName))
                .first()
                .click();
        dialog.locator(".fjs-form").waitFor();
        return this;
    }

    /** Starts from the open start form; waits until Tasklist says it has started, or fails with what it said instead. */
    public void start() {
        int shown = errors().count();
        clickStart();
        Locator started = page.getByText("The process has been started.");
        started.or(errors().nth(shown)).first().waitFor(new Locator.WaitForOptions().setTimeout(60_000));
        if (!started.isVisible()) {
            throw new AssertionError(
                    "Tasklist did not start the process: " + errors().nth(shown).textContent());
        }
    }

    /** Starts from the open start form and returns the refusal Tasklist shows instead. */
    public String startRefused() {
        int shown = errors().count();
        clickStart();
        return newNotification(shown);
    }

    private void clickStart() {
        page.getByRole(
                        AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Start").setExact(true))
                .click();
    }

    /** Opens the first task called {@code name} in {@code filter} ("My tasks", "My group's tasks"), claiming it if needed. */
    public Tasklist open(String filter, String name) {
        page.getByText(filter).first().click();
        Locator task = page.locator(".tasks-list").getByText(name).first();
        task.waitFor(new Locator.WaitForOptions().setTimeout(30_000));
        task.click();
        Locator claim = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Claim"));
        form().or(claim).first().waitFor();
        if (claim.isVisible()) {
            claim.click();
        }
        form().waitFor();
        return this;
    }

    /** Waits, reloading now and then, until a task called {@code name} is in {@code filter} (jobs run in the background). */
    public Tasklist awaitTask(String filter, String name, int seconds) {
        long deadline = System.currentTimeMillis() + seconds * 1000L;
        while (true) {
            page.getByText(filter).first().click();
            if (page.locator(".tasks-list").getByText(name).count() > 0) {
                return open(filter, name);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("No task '" + name + "' in " + filter + " after " + seconds + " s");
            }
            page.waitForTimeout(1000);
            page.reload();
        }
    }

    public Locator form() {
        return page.locator(".fjs-form");
    }

    public String text() {
        return form().textContent();
    }

    public Tasklist check(String label) {
        field(label).check();
        return this;
    }

    public Tasklist uncheck(String label) {
        field(label).uncheck();
        return this;
    }

    public Tasklist fill(String label, String value) {
        field(label).fill(value);
        return this;
    }

    /** The input labelled exactly {@code label}; a required field's label ends in "*". */
    public Locator field(String label) {
        Locator exact = page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
        Locator required = page.getByLabel(label + "*", new Page.GetByLabelOptions().setExact(true));
        exact.or(required).first().waitFor();
        return exact.count() > 0 ? exact : required;
    }

    /** Types a day into the date field labelled {@code label} as a person does (mm/dd/yyyy, then Enter). */
    public Tasklist date(String label, java.time.LocalDate day) {
        Locator input = field(label);
        input.fill(java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy").format(day));
        input.press("Enter");
        return this;
    }

    /** Picks {@code option} in the drop-down labelled {@code label} (Camunda Forms draw their own). */
    public Tasklist select(String label, String option) {
        Locator field = page.locator(".fjs-form-field-select")
                .filter(new Locator.FilterOptions()
                        .setHas(page.locator("label", new Page.LocatorOptions().setHasText(label))));
        Locator searchable = field.locator("input.fjs-input");
        if (searchable.count() > 0) {
            searchable.click();
        } else {
            field.locator(".fjs-select-display").click();
        }
        field.locator(".fjs-dropdownlist-item")
                .filter(new Locator.FilterOptions().setHasText(option))
                .first()
                .click();
        return this;
    }

    public boolean completeEnabled() {
        return completeButton().isEnabled();
    }

    /** Completes the open task; waits until Tasklist has closed its form. */
    public void complete() {
        // As a person would: a refusal shown earlier is closed first (its panel can lie over the button).
        for (Locator close : page.locator(".page-notifications button.close").all()) {
            if (close.isVisible()) {
                close.click(new Locator.ClickOptions().setForce(true));
            }
        }
        completeButton().click();
        form().waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
    }

    /** Completes the open task and returns the refusal Tasklist shows; the form stays open. */
    public String completeRefused() {
        int shown = errors().count();
        completeButton().click();
        return newNotification(shown);
    }

    private Locator completeButton() {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Complete"));
    }

    private Locator errors() {
        return page.locator(".notifications .alert-danger");
    }

    /** The refusal Tasklist shows after {@code before} were shown already. */
    private String newNotification(int before) {
        errors().nth(before).waitFor();
        return errors().nth(before).textContent();
    }

    /** Waits (as Tasklist updates the form) until the form shows {@code text}. */
    public void expectText(String text) {
        PlaywrightAssertions.assertThat(form()).containsText(text);
    }

    /** Waits until the form no longer shows {@code text}. */
    public void expectNoText(String text) {
        PlaywrightAssertions.assertThat(form()).not().containsText(text);
    }

    public void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + ".png"))
                .setFullPage(true));
    }

    @Override
    public void close() {
        if (ownsContext) {
            context.close();
        } else {
            page.close();
        }
    }
}
