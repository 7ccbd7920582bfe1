package org.samadhan.portal.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The collector's review in a browser, against the running system: the figures are analytics-service's own for the
 * same period, the drill-down goes department → block → official, the CSV downloads, the page reads in Hindi, a
 * department head sees only their department, and a phone's width scrolls only the table.
 */
class ReviewPageIT extends BrowserTest {

    static final String ANALYTICS = System.getProperty("analytics.url", "http://localhost:8086");
    static final Path SCREENSHOTS = Paths.get("docs/screenshots");
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    /** The counts the page shows as they are, field by field. */
    static final List<String> COUNTS = List.of("received", "open", "overdue", "reopened", "disputed", "resolved",
            "closedVerified", "closedUnverified");


    @Test
    void theCollectorSeesAnalyticsFiguresDrillsDownDownloadsAndReadsItInHindi() throws Exception {
        Official collector = Official.signIn(browser, "collector", "en-IN");
        Page page = collector.open("/review");
        assertThat(page.locator("h1")).containsText("Balod district");
        String from = page.locator("#period-from").inputValue();
        String to = page.locator("#period-to").inputValue();

        // Grievances filed by other tests meanwhile change the figures: compare one consistent pair of reads.
        JsonNode report = null;
        String mismatch = "never compared";
        for (int attempt = 0; attempt < 5 && mismatch != null; attempt++) {
            report = api("/api/review?from=" + from + "&to=" + to, LocalSystem.accessToken("collector"));
            collector.open("/review");
            mismatch = differences(page, report);
            Citizen.sleep(1000);
        }
        assertEquals(null, mismatch, "the page's figures are analytics-service's");
        assertTrue(report.path("rows").size() >= 2, "the district has at least PHE and the electricity company");
        assertThat(page.locator("#review-table tfoot td[data-figure=received]"))
                .hasText(report.path("total").path("received").asText());
        assertThat(page.locator("#ageing tbody tr")).hasCount(report.path("rows").size());
        assertThat(page.locator("#trend-chart rect.bar-received")).hasCount(8);
        assertThat(page.locator("#trend-table tbody tr")).hasCount(8);
        List<String> departments = new ArrayList<>(page.locator("#review-table tbody th").allInnerTexts());
        SCREENSHOTS.toFile().mkdirs();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("review-en.png")).setFullPage(false));

        // Every open count links to the worklist's list of it, narrowed to the department.
        Locator phe = page.locator("#review-table tr[data-key=PHE]");
        if (!"0".equals(phe.locator("td[data-figure=open]").innerText())) {
            assertEquals("/worklist?tab=all&department=PHE",
                    phe.locator("td[data-figure=open] a").getAttribute("href"));
        }
        assertThat(phe.locator("td[data-figure=closedVerified] a")).hasCount(0);

        Download csv = page.waitForDownload(() -> page.locator("#csv-en").click());
        assertEquals("review-" + from + "-" + to + ".csv", csv.suggestedFilename());
        String lines = Files.readString(csv.path(), StandardCharsets.UTF_8);
        for (String department : departments) {
            assertTrue(lines.contains(department), department + " in " + lines);
        }
        assertTrue(lines.contains("Total"), lines);

        phe.locator("a.drill").click();
        page.waitForURL("**groupBy=block**");
        assertTrue(page.url().contains("department=PHE"), page.url());
        assertThat(page.locator("h1")).containsText(departments.get(departmentIndex(page, departments)));
        Locator gurur = page.locator("#review-table tr[data-key=Gurur]");
        assertThat(gurur).isVisible();
        JsonNode blocks = api("/api/review?from=" + from + "&to=" + to + "&groupBy=block&department=PHE",
                LocalSystem.accessToken("collector"));
        assertThat(page.locator("#review-table tbody tr")).hasCount(blocks.path("rows").size());
        gurur.locator("a.drill").click();
        page.waitForURL("**groupBy=officer**");
        assertThat(page.locator("h1")).containsText("Gurur");
        Locator officer = page.locator("#review-table tr[data-key=phe-gurur]");
        assertThat(officer).isVisible();
        assertFalse(officer.locator("th").innerText().isBlank(), "the official is named");
        // The worklist cannot narrow to one official: their counts link nowhere rather than to the whole block.
        assertThat(officer.locator("td a")).hasCount(0);

        collector.open("/review");
        page.locator("select#lang").selectOption("hi");
        page.locator("form[action='/language'] button[type=submit]").click();
        assertThat(page.locator("h1")).containsText("बालोद ज़िला: समीक्षा");
        assertThat(page.locator("#review-table thead th[data-figure=received]")).hasText("प्राप्त");
        assertThat(page.locator("#ageing-heading")).containsText("लंबित शिकायतें");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("review-hi.png")).setFullPage(false));
        collector.close();
    }

    @Test
    void aDepartmentHeadSeesOnlyTheirDepartment() {
        Official head = Official.signIn(browser, "phe-head", "en-IN");
        Page page = head.open("/review");
        assertThat(page.locator("#review-table tbody tr")).hasCount(1);
        assertThat(page.locator("#review-table tbody tr[data-key=PHE]")).hasCount(1);
        assertThat(page.locator("h1")).not().containsText("district");
        head.close();
    }

    @Test
    void onAPhoneOnlyTheTableScrolls() {
        Official collector = Official.signIn(browser, "collector", "en-IN");
        Page page = collector.page;
        page.setViewportSize(360, 740);
        collector.open("/review");
        assertThat(page.locator("#review-table")).isVisible();
        Object body = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertEquals(0, ((Number) body).intValue(), "the body does not scroll sideways");
        Object table = page.evaluate("() => { const w = document.querySelector('.review-wrap');"
                + " return w.scrollWidth > w.clientWidth; }");
        assertEquals(true, table, "the wide table scrolls inside its wrapper");
        collector.close();
    }

    /** Where the page's row figures differ from analytics' rows, or null when they agree. */
    private static String differences(Page page, JsonNode report) {
        StringBuilder found = new StringBuilder();
        int rows = page.locator("#review-table tbody tr").count();
        if (rows != report.path("rows").size()) {
            found.append(rows).append(" rows on the page, ").append(report.path("rows").size()).append(" in the API; ");
        }
        for (JsonNode row : report.path("rows")) {
            String key = row.path("departmentCode").isNull() ? "-" : row.path("departmentCode").asText();
            Locator line = page.locator("#review-table tbody tr[data-key='" + key + "']");
            if (line.count() != 1) {
                found.append(key).append(" missing; ");
                continue;
            }
            for (String figure : COUNTS) {
                String shown = line.locator("td[data-figure=" + figure + "]").innerText().strip();
                if (!shown.equals(row.path(figure).asText())) {
                    found.append(key).append(' ').append(figure).append(' ').append(shown).append(" ≠ ")
                            .append(row.path(figure).asText()).append("; ");
                }
            }
            for (String rate : List.of("verifiedClosureRate", "slaCompliance", "satisfaction", "firstTimeRight")) {
                JsonNode value = row.path(rate);
                String expected = value.isNull() ? "too few"
                        : String.format(Locale.ROOT, "%.1f %%", value.asDouble() * 100);
                String shown = line.locator("td[data-figure=" + rate + "]").innerText().strip();
                if (!shown.equals(expected)) {
                    found.append(key).append(' ').append(rate).append(' ').append(shown).append(" ≠ ")
                            .append(expected).append("; ");
                }
            }
            String grade = row.path("grade").isNull() ? "too few"
                    : String.format(Locale.ROOT, "%.1f", row.path("grade").asDouble());
            String shownGrade = line.locator("td[data-figure=grade]").innerText().strip();
            if (!shownGrade.equals(grade)) {
                found.append(key).append(" grade ").append(shownGrade).append(" ≠ ").append(grade).append("; ");
            }
        }
        return found.isEmpty() ? null : found.toString();
    }

    /** Which of the district's department names the drilled-down page is about (its only row was PHE). */
    private static int departmentIndex(Page page, List<String> departments) {
        String heading = page.locator("h1").innerText();
        for (int i = 0; i < departments.size(); i++) {
            if (heading.startsWith(departments.get(i))) {
                return i;
            }
        }
        throw new AssertionError("no department named in " + heading);
    }

    static JsonNode api(String path, String token) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ANALYTICS + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }
}
