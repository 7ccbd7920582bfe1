package org.samadhan.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Acting from the grievance page: a transfer with the classifier's suggestions, and refusals shown in place. */
class TransferAndRefusalIT {

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
    void aComplaintInTheWrongDepartmentIsTransferredToASuggestedOne() {
        // Routed to PHE by its words; the officer finds the pump's motor has no power and sends it on.
        String number = new Citizen().files("झलमला में पानी की टंकी का पंप 4 दिन से बंद है, पानी नहीं मिल रहा", "Gurur",
                "Jhalmala");
        Official officer = Official.signIn(browser, "phe-gurur", "en-IN");
        Page page = officer.openGrievance(number);
        if (!page.locator("h1").innerText().contains(number) || page.locator("#form-transfer").count() == 0) {
            throw new AssertionError("phe-gurur cannot transfer " + number + ": " + page.locator("main").innerText());
        }
        // The classifier's suggestions come first, with how sure it is; the current department is not offered.
        var suggested = page.locator("#transfer-department optgroup").first().locator("option");
        assertTrue(suggested.count() >= 1, "at least one suggestion");
        assertTrue(suggested.first().innerText().matches(".*\\(\\d{1,3}%\\)"), suggested.first().innerText());
        assertEquals(0, page.locator("#transfer-department option[value='PHE']").count());

        page.locator("#transfer-department").selectOption("ELECTRICITY");
        page.locator("#transfer-reason").fill("The pump has no power: burnt transformer");
        page.locator("#form-transfer button").click();
        assertThat(page.locator("#transferred")).containsText(number);
        assertEquals(404, page.navigate(LocalSystem.PORTAL + "/grievances/" + number).status(),
                "no longer PHE's: out of the officer's scope");

        Official electricity = Official.signIn(browser, "cspdcl-gurur", "en-IN");
        Page theirs = electricity.openGrievance(number);
        assertThat(theirs.locator(".timeline")).containsText("The pump has no power: burnt transformer");
        officer.close();
        electricity.close();
    }

    @Test
    void aResolutionWithoutWordsIsRefusedBesideItsFormWithNothingChanged() {
        String number = new Citizen().files("झलमला में हैंडपंप से पानी कम आ रहा है", "Gurur", "Jhalmala");
        Official officer = Official.signIn(browser, "phe-gurur", "en-IN");
        Page page = officer.openGrievance(number);
        page.locator("#resolve-note").fill("   ");
        page.locator("#form-resolve button").click();
        assertThat(page.locator("#form-resolve #refusal")).isVisible();
        assertThat(page.locator("#form-resolve #refusal")).containsText("the note");
        assertThat(page.locator("h1")).containsText("New");
        officer.close();
    }
}
