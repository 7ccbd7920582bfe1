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

    /**
     * The grievance's page once it has reached this official: the citizen has its number as soon as it is
     * registered, the official a moment later, when routing has assigned it.
     */
    Page openGrievance(String number) {
        for (int i = 0; i < 60; i++) {
            open("/grievances/" + number);
            if (page.locator("h1").textContent().contains(number)) {
                return page;
            }
            Citizen.sleep(500);
        }
        throw new AssertionError(username + " never saw " + number + ": " + page.locator("main").innerText());
    }

    void close() {
        page.context().close();
    }
}
