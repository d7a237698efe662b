package com.licenseflow.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The packaged jar with fresh demo data in its own in-memory H2 database, and Debian's Chromium to
 * drive its Tasklist: what every browser suite starts with.
 */
public final class DemoInBrowser implements AutoCloseable {

    private final Chromium chromium;
    private final PackagedApplication app;
    private final boolean ownsApp;
    private final Map<String, BrowserContext> contexts = new HashMap<>();

    private DemoInBrowser(Chromium chromium, PackagedApplication app, boolean ownsApp) {
        this.chromium = chromium;
        this.app = app;
        this.ownsApp = ownsApp;
    }

    /**
     * The jar this test JVM shares between suites whose changes to the demo data leave each other's
     * alone ({@link PackagedApplication#get}): one start fewer; it stops with the JVM.
     */
    public static DemoInBrowser shared() {
        Chromium chromium = Chromium.launch();
        try {
            return new DemoInBrowser(chromium, PackagedApplication.get(), false);
        } catch (RuntimeException | Error e) {
            chromium.close();
            throw e;
        }
    }

    /** {@code name} names the database and the log; {@code arguments} are added to the jar's. */
    public static DemoInBrowser start(String name, String... arguments) {
        Chromium chromium = Chromium.launch();
        List<String> all = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                "--licenseflow.demo.enabled=true",
                // One node, a person waiting at the screen: look for due jobs (timers, retries) every second, not 5.
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-wait=1000"));
        all.addAll(List.of(arguments));
        try {
            return new DemoInBrowser(
                    chromium,
                    PackagedApplication.start("tasklist-" + name, all, Map.of()).awaitReady("Demo data seeded"),
                    true);
        } catch (RuntimeException | Error e) {
            chromium.close();
            throw e;
        }
    }

    /**
     * Tasklist as {@code user}, in a new tab of the user's own browser context: logged in once per
     * suite, as a person stays logged in (a login costs seconds, and a suite has dozens).
     */
    public Tasklist tasklist(String user) {
        return Tasklist.in(context(user), app.baseUrl(), user);
    }

    /** The console as {@code user}, in the same browser context (and so the same session) as their Tasklist. */
    public ConsoleInBrowser console(String user) {
        return ConsoleInBrowser.in(context(user), app.baseUrl(), user);
    }

    public Api api() {
        return app.api();
    }

    private BrowserContext context(String user) {
        return contexts.computeIfAbsent(
                user,
                u -> chromium.browser()
                        .newContext(new Browser.NewContextOptions()
                                .setViewportSize(1400, 1000)
                                .setAcceptDownloads(true)));
    }

    @Override
    public void close() {
        try {
            chromium.close();
        } finally {
            if (ownsApp) {
                app.stop();
            }
        }
    }
}
