package org.samadhan.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An official's own alerts (the ones WhatsApp brings them) marked read in the portal, and the page language switched
 * and remembered; against the running system.
 */
class AlertsAndLanguageIT {

    static Browser browser;

    @BeforeAll
    static void start() {
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        browser.close();
    }

    @Test
    void aNewAssignmentIsAnUnreadAlertUntilTheOfficerMarksItRead() {
        String number = new Citizen().files("झलमला में हैंडपंप का हत्था टूट गया है", "Gurur", "Jhalmala");
        Official officer = Official.signIn(browser, "phe-gurur", "en-IN");
        officer.openGrievance(number);
        Page page = officer.open("/alerts?unread=true");
        Locator alert = page.locator("li[data-number='" + number + "'][data-alert='ASSIGNED']");
        assertThat(alert).isVisible();
        assertThat(alert).containsText("Assigned to you");
        Screenshots.take(page, "alerts");
        long before = Long.parseLong(page.locator("#unread-total").innerText().strip());
        assertTrue(before >= 1, "at least this one is unread");
        // The header's badge says the same.
        assertThat(page.locator("#nav-alerts .unread-count")).hasText(String.valueOf(before));

        alert.locator("button").click();
        assertEquals(before - 1, Long.parseLong(page.locator("#unread-total").innerText().strip()));
        assertThat(page.locator("li.unread[data-number='" + number + "']")).hasCount(0);
        officer.open("/alerts");
        assertThat(page.locator("li[data-number='" + number + "'][data-alert='ASSIGNED']")).isVisible();
        officer.close();
    }

    @Test
    void hindiIsChosenOnceAndRemembered() {
        Official officer = Official.signIn(browser, "phe-gurur", "en-IN");
        Page page = officer.page;
        assertThat(page.locator("h1")).hasText("Worklist");
        page.locator("#lang").selectOption("hi");
        page.locator("#lang ~ button").click();
        assertThat(page.locator("h1")).hasText("कार्य सूची");
        assertEquals("hi", page.locator("html").getAttribute("lang"));
        assertThat(page.locator("th").first()).hasText("शिकायत");
        Screenshots.take(page, "worklist-hi");
        officer.open("/alerts");
        assertThat(page.locator("h1")).containsText("सूचनाएँ");
        page.locator("#lang").selectOption("en");
        page.locator("#lang ~ button").click();
        assertThat(page.locator("h1")).containsText("Alerts");
        officer.close();
    }
}
