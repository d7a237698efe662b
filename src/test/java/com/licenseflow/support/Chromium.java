package com.licenseflow.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Chromium, driven by Playwright (which must never download a browser of its own). Browser
 * tests are skipped with a reason when it is missing, unless LICENSEFLOW_BROWSER_REQUIRED=1 (as in
 * .ci/run), which makes that a failure.
 */
public final class Chromium implements AutoCloseable {

    private static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static Chromium launch() {
        if (!Files.isExecutable(EXECUTABLE)) {
            if ("1".equals(System.getenv("LICENSEFLOW_BROWSER_REQUIRED"))) {
                throw new IllegalStateException(
                        "Browser test required but " + EXECUTABLE + " is missing " + "(apt-get install chromium)");
            }
            Assumptions.abort("No Chromium at " + EXECUTABLE + "; browser test skipped");
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(EXECUTABLE)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync",
                                "--no-first-run")));
        return new Chromium(playwright, browser);
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        playwright.close();
    }
}
