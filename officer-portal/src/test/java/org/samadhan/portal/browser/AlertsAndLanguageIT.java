package org.samadhan.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * An official's own alerts (the ones WhatsApp brings them) marked read in the portal, and the page language switched
 * and remembered; against the running system.
 */
class AlertsAndLanguageIT extends BrowserTest {

    @Test
    void aNewAssignmentIsAnUnreadAlertUntilTheOfficerMarksItRead() {
        String number = new Citizen().files("झलमला में हैंडपंप का हत्था टूट गया है, पानी नहीं निकलता", "Gurur", "Jhalmala");
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

    @Test
    void theWorklistAndAGrievanceFitAPhoneAndAreUsableByKeyboard() {
        String number = new Citizen().files("झलमला में हैंडपंप से गंदा पानी आ रहा है, पीने लायक नहीं", "Gurur", "Jhalmala");
        Official officer = Official.signIn(browser, "phe-gurur", "en-IN");
        officer.openGrievance(number);
        officer.page.setViewportSize(360, 740);
        for (String path : new String[] {"/worklist", "/grievances/" + number, "/alerts"}) {
            officer.open(path);
            Object overflow = officer.page.evaluate(
                    "() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertEquals(0, ((Number) overflow).intValue(), path + " scrolls sideways at 360 px");
        }
        // Every form field has a label, and the first Tab reaches the skip link.
        Object unlabelled = officer.page.locator("textarea, select, input:not([type=hidden])").evaluateAll(
                "els => els.filter(e => !(e.labels && e.labels.length) && !e.closest('label')).map(e => e.name)");
        assertEquals(java.util.List.of(), unlabelled);
        officer.page.keyboard().press("Tab");
        assertEquals("skip", officer.page.evaluate("() => document.activeElement.className"));
        officer.close();
    }

    @Test
    void aPageWithItsScriptsAndStylesWeighsUnder200Kilobytes() {
        Official officer = Official.signIn(browser, "phe-gurur", "en-IN");
        // A new browser profile signed in as the same official: nothing cached, what a first visit downloads.
        var context = officer.page.context().browser().newContext();
        context.addCookies(officer.page.context().cookies(LocalSystem.PORTAL));
        Page first = context.newPage();
        java.util.Map<String, Integer> sizes = new java.util.concurrent.ConcurrentHashMap<>();
        first.onResponse(r -> {
            if (r.url().startsWith(LocalSystem.PORTAL) && r.status() == 200) {
                sizes.put(r.url(), r.body().length);
            }
        });
        first.navigate(LocalSystem.PORTAL + "/worklist");
        first.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
        long total = sizes.values().stream().mapToLong(Integer::longValue).sum();
        assertTrue(sizes.keySet().stream().anyMatch(u -> u.contains("htmx.min.js")), "htmx was loaded: " + sizes);
        assertTrue(total < 200_000, "the worklist with its scripts and styles is " + total + " bytes: " + sizes);
        context.close();
        officer.close();
    }
}
