package org.samadhan.portal.browser;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Debian's Chromium driven by Playwright (never a downloaded browser: there is no internet here), one context per
 * person so that each official and the citizen have their own cookies, as on their own devices.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser chromium;

    public Browser() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("No Chromium at " + CHROMIUM + ": apt-get install chromium (.ci/run does)");
        }
        playwright = Playwright.create();
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true));
    }

    /** A fresh browser profile at a laptop's size (1366 × 768), in {@code language} ("en-IN" or "hi-IN"). */
    public Page person(String language) {
        return person(language, 1366, 768);
    }

    Page person(String language, int width, int height) {
        BrowserContext context = chromium.newContext(new NewContextOptions().setLocale(language)
                .setViewportSize(width, height));
        context.setDefaultTimeout(20_000);
        return context.newPage();
    }

    @Override
    public void close() {
        chromium.close();
        playwright.close();
    }
}
