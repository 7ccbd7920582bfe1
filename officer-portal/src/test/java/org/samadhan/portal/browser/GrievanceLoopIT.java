package org.samadhan.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import org.junit.jupiter.api.Test;

/**
 * The whole loop in browsers, against the running system (deploy/local/run.sh up) and the real Keycloak: a citizen
 * files on WhatsApp; the block officer signs in, finds it in the worklist without reloading, acknowledges and
 * resolves it; the citizen says it is not solved and why; the department head finds it at level 2 while the block
 * officer can no longer resolve it; the head resolves; the citizen confirms; the grievance is closed as verified.
 */
class GrievanceLoopIT extends BrowserTest {

    /** Gurur block, where PHE's block officer is phe-gurur and the electricity company's is cspdcl-gurur. */
    static final String BLOCK = "Gurur";
    static final String VILLAGE = "Jhalmala";


    @Test
    void aComplaintGoesFromTheCitizenThroughTwoLevelsToAVerifiedClosure() {
        Official collector = Official.signIn(browser, "collector", "en-IN");
        int verifiedBefore = pheClosedVerified(collector);
        Official officer = Official.signIn(browser, "phe-gurur", "en-IN");
        // The officer watches a search that only this complaint will match (its pump's number): empty at first.
        String pump = String.valueOf(1000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(9000));
        Page worklist = officer.open("/worklist?q=" + pump);
        assertThat(worklist.locator(".empty")).isVisible();
        PhoneCitizen phone = new PhoneCitizen(browser, new Citizen());
        String number = phone.files("हमारे गाँव झलमला का हैंडपंप नंबर " + pump + " 10 दिन से खराब है, पानी नहीं आ रहा",
                "गुरूर", VILLAGE);

        // New grievances appear in the open worklist by themselves (htmx refresh), no reload.
        Locator row = worklist.locator("tr[data-number='" + number + "']");
        assertThat(row).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(45_000));
        assertThat(row).containsText("L1");
        Screenshots.take(worklist, "worklist");
        row.locator("a").click();

        Page page = officer.page;
        assertThat(page.locator("h1")).containsText(number);
        assertThat(page.locator(".words").first()).containsText("हैंडपंप नंबर " + pump + " 10 दिन से खराब है");
        page.locator("#ack-note").fill("Mechanic sent to Jhalmala");
        page.locator("#form-acknowledge button").click();
        assertThat(page.locator(".done")).containsText("Acknowledged");
        assertThat(page.locator("h1")).containsText("In progress");

        page.locator("#resolve-note").fill("Washer and chain replaced; water flows");
        page.locator("#form-resolve button").click();
        assertThat(page.locator(".done")).containsText("Resolved");

        phone.taps("नहीं हुई");
        phone.writes("पानी अभी भी नहीं आ रहा");

        Official head = Official.signIn(browser, "phe-head", "en-IN");
        Page headList = head.open("/worklist?tab=reopened");
        Locator reopened = headList.locator("tr[data-number='" + number + "']");
        assertThat(reopened).isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(45_000));
        assertThat(reopened).containsText("L2");

        // The block officer still sees it, read-only: escalated above them, no resolve form.
        officer.open("/grievances/" + number);
        assertThat(officer.page.locator("#escalated-away")).isVisible();
        assertThat(officer.page.locator("#form-resolve")).hasCount(0);

        Screenshots.take(officer.page, "grievance-escalated-away");
        reopened.locator("a").click();
        assertThat(head.page.locator(".timeline")).containsText("पानी अभी भी नहीं आ रहा");
        Screenshots.take(head.page, "grievance");
        head.page.locator("#resolve-note").fill("New pipe and cylinder fitted");
        head.page.locator("#form-resolve button").click();
        assertThat(head.page.locator(".done")).containsText("Resolved");

        phone.awaitButtons("हाँ, हल हो गई", 2);
        Screenshots.take(phone.page, "phone");
        phone.taps("हाँ, हल हो गई");
        for (int i = 0; i < 60 && !head.open("/grievances/" + number).locator("h1").textContent()
                .contains("Closed, verified"); i++) {
            Citizen.sleep(1000);
        }
        assertThat(head.page.locator("h1")).containsText("Closed, verified");

        // The collector's review of this week counts it among PHE's verified closures (once analytics has read it).
        int verifiedAfter = pheClosedVerified(collector);
        for (int i = 0; i < 30 && verifiedAfter < verifiedBefore + 1; i++) {
            Citizen.sleep(1000);
            verifiedAfter = pheClosedVerified(collector);
        }
        assertEquals(verifiedBefore + 1, verifiedAfter, "PHE's verified closures this week");
        collector.close();
        phone.close();
        officer.close();
        head.close();
    }

    /** PHE's "closed verified" this week, as the collector's review page shows it. */
    private static int pheClosedVerified(Official collector) {
        Locator cell = collector.open("/review").locator("#review-table tr[data-key=PHE] td[data-figure=closedVerified]");
        return cell.count() == 0 ? 0 : Integer.parseInt(cell.innerText().strip());
    }

    @Test
    void anotherDepartmentsOfficerSeesItNowhere() {
        Citizen citizen = new Citizen();
        String number = citizen.files("झलमला में हैंडपंप से गंदा पानी आ रहा है", BLOCK, VILLAGE);
        Official phe = Official.signIn(browser, "phe-gurur", "en-IN");
        assertThat(phe.openGrievance(number).locator("h1")).containsText(number);

        Official other = Official.signIn(browser, "cspdcl-gurur", "en-IN");
        Page search = other.open("/worklist?q=" + number);
        assertThat(search.locator("tr[data-number='" + number + "']")).hasCount(0);
        var direct = other.page.navigate(LocalSystem.PORTAL + "/grievances/" + number);
        assertEquals(404, direct.status());
        String notYours = other.page.locator("main").innerText();
        var missing = other.page.navigate(LocalSystem.PORTAL + "/grievances/BLD-2026-999999");
        assertEquals(404, missing.status());
        assertEquals(notYours, other.page.locator("main").innerText(), "not yours and missing look the same");
        phe.close();
        other.close();
    }

    @Test
    void aComplaintWithMarkupIsShownAsTextAndRunsNothing() {
        Citizen citizen = new Citizen();
        String words = "हैंडपंप खराब है, पानी नहीं <script>window.pwned='script'</script><img src=x onerror=\"window.pwned='img'\">";
        String number = citizen.files(words, BLOCK, VILLAGE);
        Official officer = Official.signIn(browser, "phe-gurur", "en-IN");
        Page page = officer.openGrievance(number);
        assertThat(page.locator(".words").first()).containsText("<script>window.pwned='script'</script>");
        assertEquals(0, page.locator("main img").count(), "no img element from the complaint");
        assertEquals(true, page.evaluate("() => window.pwned === undefined"), "nothing ran");
        officer.open("/worklist");
        assertEquals(true, officer.page.evaluate("() => window.pwned === undefined"), "nothing ran in the list");
        officer.close();
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        Citizen citizen = new Citizen();
        String number = citizen.files("झलमला का हैंडपंप टूट गया है, पीने का पानी नहीं मिल रहा", BLOCK, VILLAGE);
        Official officer = Official.signIn(browser, "phe-gurur", "en-IN");
        officer.openGrievance(number);
        // The official's own session cookie, but no token: what a forged form on another site would send.
        var forged = officer.page.request().post(LocalSystem.PORTAL + "/grievances/" + number + "/resolve",
                com.microsoft.playwright.options.RequestOptions.create()
                        .setHeader("Content-Type", "application/x-www-form-urlencoded")
                        .setData("note=forged"));
        assertEquals(400, forged.status());
        assertThat(officer.open("/grievances/" + number).locator("h1")).not().containsText("Resolved");
        officer.close();
    }

    @Test
    void signingOutEndsTheKeycloakSessionToo() {
        Official officer = Official.signIn(browser, "phe-gurur", "en-IN");
        officer.page.locator("#sign-out").click();
        officer.page.waitForURL(LocalSystem.PORTAL + "/signed-out**");
        assertThat(officer.page.locator("#signed-out")).isVisible();
        officer.page.navigate(LocalSystem.PORTAL + "/worklist");
        // Back at Keycloak's login form: no single sign-on session left to slip back in with.
        assertThat(officer.page.locator("#kc-login")).isVisible();
        assertTrue(officer.page.url().startsWith("http://localhost:8180/"), officer.page.url());
        officer.close();
    }
}
