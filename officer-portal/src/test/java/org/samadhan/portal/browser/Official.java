package org.samadhan.portal.browser;

import com.microsoft.playwright.Page;

/** An official at their browser: signs in on Keycloak's own login page, as they would. */
final class Official {

    final String username;
    final Page page;

    private Official(String username, Page page) {
        this.username = username;
        this.page = page;
    }

    /** Opens the portal, is sent to Keycloak, types username and password, and lands on the worklist. */
    static Official signIn(Browser browser, String username, String language) {
        Page page = browser.person(language);
        page.navigate(LocalSystem.PORTAL + "/worklist");
        page.locator("#username").fill(username);
        page.locator("#password").fill(LocalSystem.PASSWORD);
        page.locator("#kc-login").click();
        page.waitForURL(LocalSystem.PORTAL + "/worklist**");
        return new Official(username, page);
    }

    Page open(String path) {
        page.navigate(LocalSystem.PORTAL + path);
        return page;
    }

    void close() {
        page.context().close();
    }
}
