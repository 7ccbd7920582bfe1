package org.samadhan.portal.browser;

import com.microsoft.playwright.Page;
import java.nio.file.Path;

/** The pages as officials see them, saved by the browser tests for the module's README (docs/screenshots). */
final class Screenshots {

    static final Path FOLDER = Path.of("docs", "screenshots");

    private Screenshots() {
    }

    /** The visible part of the page (not the full length: small files), as {@code name}.png. */
    static void take(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(FOLDER.resolve(name + ".png")).setFullPage(false));
    }
}
