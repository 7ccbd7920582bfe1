package org.samadhan.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The collector's pages in browsers, against the running system: the district cell sends a grievance the classifier
 * could not place to a department it suggests, or to one from the list, where the department sees it; a block officer finds neither page;
 * the collector edits a department's vocabulary, and two collectors editing at once see the conflict instead of
 * overwriting each other. Directory edits touch only Tribal Welfare's vocabulary, put back after each test.
 */
class TriageAndDirectoryIT extends BrowserTest {

    /** A directory edit is saved once routing-service has retrained its classifier with it (seconds, not instant). */
    private static final LocatorAssertions.IsVisibleOptions SAVED = new LocatorAssertions.IsVisibleOptions()
            .setTimeout(30_000);
    private static final LocatorAssertions.ContainsTextOptions SAVING = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(30_000);

    /** Words that name no department: routing sends them to the district cell (below the 0.4 threshold). */
    static final String VAGUE = "सर मेरी समस्या का समाधान करें कृपया मदद करें";
    /** A department no other test relies on; only its vocabulary is edited, and restored. */
    static final String EDITED = "TRIBAL";
    static final Path SCREENSHOTS = Paths.get(System.getProperty("basedir", "."), "docs", "screenshots");


    @Test
    void theDistrictCellSendsAnUnplacedGrievanceToASuggestedDepartmentAndItLeavesTheList() {
        String words = unplaceable();
        String number = new Citizen().filesFromTheMenu(words, "Gurur", "Jhalmala");
        Official cell = Official.signIn(browser, "district-cell", "en-IN");
        Locator row = awaitTriageRow(cell, number);
        assertThat(row.locator(".words")).hasText(words);
        assertThat(row).containsText("Jhalmala / Gurur");
        Locator suggestions = row.locator("button.suggestion");
        assertEquals(3, suggestions.count(), "the classifier's three best departments");
        assertThat(suggestions.first()).containsText("%)");
        String code = suggestions.first().getAttribute("data-department");
        String name = suggestions.first().innerText().replaceFirst("^Send to (.*) \\(\\d+%\\)$", "$1");
        assertEquals("Triage: " + name, row.locator("textarea[name=reason]").inputValue());

        cell.open("/triage");
        cell.page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("triage.png")));

        cell.open("/triage?q=" + number);
        row.locator("button[data-department='" + code + "']").click();
        assertThat(cell.page.locator("#triage-done")).hasText(number + " was sent to " + name + ".");
        assertThat(row).hasCount(0);
        cell.open("/triage");
        assertThat(row).hasCount(0);

        // The collector's office sees it in that department's worklist, with its block officer, at level 1.
        Locator theirs = cell.open("/worklist?department=" + code + "&q=" + number)
                .locator("tr[data-number='" + number + "']");
        assertThat(theirs).containsText(name);
        assertThat(theirs).containsText("L1");
        assertThat(cell.openGrievance(number).locator(".timeline")).containsText("Triage: " + name);
        cell.close();
    }

    @Test
    void aDepartmentTheClassifierDidNotSuggestIsChosenFromTheListAndItsHeadHasIt() {
        String number = new Citizen().filesFromTheMenu(unplaceable(), "Gurur", "Jhalmala");
        Official cell = Official.signIn(browser, "district-cell", "en-IN");
        Locator row = awaitTriageRow(cell, number);
        assertThat(row.locator("button[data-department='PHE']")).hasCount(0);
        row.locator("select[name=otherDepartment]").selectOption("PHE");
        row.locator(".other button").click();
        assertThat(cell.page.locator("#triage-done")).hasText(number + " was sent to Public Health Engineering.");
        assertThat(cell.page.locator("tr[data-number='" + number + "']")).hasCount(0);

        Official head = Official.signIn(browser, "phe-head", "en-IN");
        Locator theirs = head.open("/worklist?q=" + number).locator("tr[data-number='" + number + "']");
        assertThat(theirs).isVisible();
        assertThat(theirs).containsText("Public Health Engineering");
        // The untouched prefill named the top suggestion; the reason recorded names the department chosen.
        assertThat(head.openGrievance(number).locator(".timeline"))
                .containsText("Triage: Public Health Engineering");
        cell.close();
        head.close();
    }

    /**
     * A citizen who, asked to describe their problem, writes only their name and village, both made up for this run
     * (as a first message the bot would not take them for a complaint): no word the classifier knows
     * (not even "मैं", which it reads as the English "main", as in a main road), so routing sends it to the district
     * cell. Fresh words each run matter: every triage is a correction the classifier learns from at once, and a text
     * triaged once is placed with confidence the next time; words never written again teach it nothing that matters.
     */
    static String unplaceable() {
        for (int attempt = 0; attempt < 10; attempt++) {
            String words = madeUpWord() + " " + madeUpWord() + ", " + madeUpWord();
            // A made-up word can still sound like a known one (the classifier compares sound skeletons): ask first.
            if (!DirectoryRestore.autoRouted(words)) {
                return words;
            }
        }
        throw new AssertionError("the classifier placed every made-up name: nothing reaches the district cell");
    }

    private static String madeUpWord() {
        String[] syllables = {"झु", "मु", "क", "ला", "टे", "का", "को", "स", "टो", "बु", "धा", "रू", "घु", "र", "वा",
                "सो", "न", "ठा", "कु", "डो", "मे", "ल", "पि", "चौ", "गि"};
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            word.append(syllables[ThreadLocalRandom.current().nextInt(syllables.length)]);
        }
        return word.toString();
    }

    @Test
    void aBlockOfficerFindsNeitherPageJustTheUsualNotFound() {
        Official officer = Official.signIn(browser, "phe-gurur", "en-IN");
        assertEquals(404, officer.page.navigate(LocalSystem.PORTAL + "/grievances/BLD-2026-999999").status());
        String notFound = officer.page.locator("main").innerText();
        for (String path : new String[] {"/triage", "/directory", "/directory/departments/PHE",
                "/directory/officials/phe-gurur"}) {
            assertEquals(404, officer.page.navigate(LocalSystem.PORTAL + path).status(), path);
            assertEquals(notFound, officer.page.locator("main").innerText(), path + " looks like any missing page");
        }
        officer.close();
    }

    @Test
    void theCollectorAddsAWordToAVocabularyAndSeesItInTheDirectory() {
        DirectoryRestore tribal = DirectoryRestore.remember(EDITED);
        String word = "chhatrawas" + ThreadLocalRandom.current().nextInt(1000, 9999);
        Official collector = Official.signIn(browser, "collector", "en-IN");
        try {
            Page page = collector.open("/directory");
            assertThat(page.locator("#department-PHE .service-level")).not().isEmpty();
            // Officials' numbers are never listed in full.
            assertFalse(page.locator("#officials").innerText().contains("917000020301"));
            assertThat(page.locator("tr[data-official='phe-gurur'] .masked")).hasText("••••••0301");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("directory.png")));

            page.locator("#department-" + EDITED + " a.edit").click();
            Locator vocabulary = page.locator("#vocabulary");
            vocabulary.fill(vocabulary.inputValue() + ", " + word);
            page.locator("#form-department button[type=submit]").click();
            assertThat(page.locator("#saved")).containsText("Saved Tribal Welfare", SAVING);
            assertThat(page.locator("#department-" + EDITED + " .vocabulary")).containsText(word);
            assertEquals(tribal.original().path("vocabulary").size() + 1,
                    page.locator("#department-" + EDITED + " .vocabulary li").count());
        } finally {
            collector.close();
            tribal.restore();
        }
    }

    @Test
    void twoCollectorsEditingAtOnceSeeTheConflictAndKeepWhatTheyTyped() {
        DirectoryRestore tribal = DirectoryRestore.remember(EDITED);
        String first = "ashram" + ThreadLocalRandom.current().nextInt(1000, 9999);
        String second = "chhatravritti" + ThreadLocalRandom.current().nextInt(1000, 9999);
        Official one = Official.signIn(browser, "collector", "en-IN");
        Official other = Official.signIn(browser, "collector", "en-IN");
        try {
            Page a = one.open("/directory/departments/" + EDITED);
            Page b = other.open("/directory/departments/" + EDITED);
            String opened = b.locator("input[name=version]").inputValue();

            a.locator("#vocabulary").fill(a.locator("#vocabulary").inputValue() + ", " + first);
            a.locator("#form-department button[type=submit]").click();
            assertThat(a.locator("#saved")).isVisible(SAVED);

            String typed = b.locator("#vocabulary").inputValue() + ", " + second;
            b.locator("#vocabulary").fill(typed);
            b.locator("#form-department button[type=submit]").click();
            Locator conflict = b.locator("#conflict");
            assertThat(conflict).containsText("The directory changed since you opened this form (version " + opened
                    + " → ");
            assertThat(conflict).containsText("here is the current entry; your changes are kept below, apply them again");
            assertThat(b.locator("#current-entry + article .vocabulary")).containsText(first);
            assertEquals(typed, b.locator("#vocabulary").inputValue(), "what the second collector typed is kept");
            assertFalse(b.locator("input[name=version]").inputValue().equals(opened), "the form now edits the current version");

            // Applying it again, on the current version, saves it.
            b.locator("#form-department button[type=submit]").click();
            assertThat(b.locator("#saved")).isVisible(SAVED);
            assertThat(b.locator("#department-" + EDITED + " .vocabulary")).containsText(second);
        } finally {
            one.close();
            other.close();
            tribal.restore();
        }
    }

    @Test
    void aWrongWhatsAppNumberIsRefusedInPlaceNamingTheFieldAndNothingChanges() {
        Official collector = Official.signIn(browser, "collector", "en-IN");
        Page page = collector.open("/directory/officials/tribal-gurur");
        String number = page.locator("#official-whatsapp").inputValue();
        page.locator("#official-whatsapp").fill("98765 4321x");
        page.locator("#form-official button[type=submit]").click();
        assertThat(page.locator("#refusal")).containsText("Please correct the WhatsApp number:");
        assertEquals("98765 4321x", page.locator("#official-whatsapp").inputValue(), "what was typed is kept");
        collector.open("/directory/officials/tribal-gurur");
        assertEquals(number, page.locator("#official-whatsapp").inputValue());
        collector.close();
    }

    @Test
    void bothPagesSpeakHindiToAHindiBrowser() {
        Official cell = Official.signIn(browser, "district-cell", "hi-IN");
        assertEquals(200, cell.page.navigate(LocalSystem.PORTAL + "/triage").status());
        assertThat(cell.page.locator("h1")).hasText("जिला प्रकोष्ठ: शिकायतों की छँटाई");
        assertEquals(200, cell.page.navigate(LocalSystem.PORTAL + "/directory").status());
        assertThat(cell.page.locator("h1")).hasText("निर्देशिका");
        assertThat(cell.page.locator("#department-PHE .service-level")).hasText("3 दिन");
        assertEquals(200, cell.page.navigate(LocalSystem.PORTAL + "/directory/departments/TRIBAL").status());
        assertThat(cell.page.locator("#service-unit option[selected]")).hasText("दिन");
        cell.close();
    }

    /** The triage row once routing has sent the grievance to the district cell (a moment after registration). */
    private static Locator awaitTriageRow(Official cell, String number) {
        Locator row = cell.page.locator("tr[data-number='" + number + "']");
        for (int i = 0; i < 60; i++) {
            cell.open("/triage?q=" + number);
            if (row.count() > 0) {
                return row;
            }
            Citizen.sleep(500);
        }
        throw new AssertionError(number + " never reached the district cell's triage (placed by the classifier?): "
                + cell.open("/grievances/" + number).locator("main").innerText());
    }
}
