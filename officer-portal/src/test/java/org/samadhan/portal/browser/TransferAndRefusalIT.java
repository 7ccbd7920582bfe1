package org.samadhan.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** Acting from the grievance page: a transfer with the classifier's suggestions, and refusals shown in place. */
class TransferAndRefusalIT extends BrowserTest {

    @Test
    void aComplaintInTheWrongDepartmentIsTransferredToASuggestedOne() {
        // Routed to PHE by its words; the officer finds the tank's pump has no power and sends it on. The words share
        // none of the other tests' (routing-service learns from transfers, and the system is shared).
        String number = new Citizen().files("नवागांव की पानी टंकी 4 दिन से खाली है, नल में सप्लाई नहीं", "Gurur",
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

        // The lineman finds the motor powered and sends it back: routing-service learns from both transfers, so the
        // words end up leaning to the department that really fixes it, and a later run of this test meets the same.
        theirs.locator("#transfer-department").selectOption("PHE");
        theirs.locator("#transfer-reason").fill("Supply is normal; the pump's pipe is broken");
        theirs.locator("#form-transfer button").click();
        assertThat(theirs.locator("#transferred")).containsText(number);
        assertThat(officer.openGrievance(number).locator(".timeline")).containsText("the pump's pipe is broken");
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
