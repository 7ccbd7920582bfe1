package org.samadhan.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import java.math.BigDecimal;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.Json;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;
import org.samadhan.testsupport.TestDirectory;

/**
 * The review of one hand-made week ({@link ReviewScenario}) against figures worked out by hand from the rules below,
 * not from the service's code. The rules, as a collector would state them:
 * <ul>
 * <li>The week is Monday 2 to Sunday 8 November 2026 in IST: from 2 Nov 00:00 IST (1 Nov 18:30 UTC) up to, not
 * including, 9 Nov 00:00 IST. A flow counts an event that happened in it; a stock (open, by status and level, overdue,
 * ageing) is each grievance's state at 9 Nov 00:00 IST.</li>
 * <li>A flow counts for the department, block and holder the event names, except: a transfer counts for the
 * department it left (and its block), a registration for where the grievance was first assigned (nowhere while it
 * never was), and a move from one holder to another (escalation, rejection, transfer, reassignment) for the holder
 * it was taken from. A stock counts for whoever holds the grievance then.</li>
 * <li>received: registrations; assigned: first assignments; escalated: deadline escalations, by level reached;
 * reopened: "not satisfied" answers; disputed: grievances rejected at the collector's level; resolved: officers'
 * resolutions, on time when at or before the deadline in force then; closed verified / unverified: "satisfied"
 * answers / feedback windows that expired.</li>
 * <li>open: not closed (a resolution awaiting the citizen is open); overdue: with an official (assigned, in
 * progress, reopened) past its deadline, not a resolution awaiting the citizen; ageing: whole days since
 * registration, 0-7, 8-21, 22-50, over 50.</li>
 * <li>SLA compliance = on time / resolved; verified closure = verified / (verified + unverified + reopened); reopen
 * rate = reopened / resolved; first-time-right = first assignments never transferred by the week's end / first
 * assignments; satisfaction = verified / (verified + reopened); acknowledged within a day = first acknowledgements
 * within 24 h of the first assignment / first acknowledgements; times from the first assignment to the first
 * acknowledgement, registration to first resolution and to closure, median and 90th percentile interpolated
 * linearly. Under 10 in a denominator (or observations) the figure is "too few": null, and named in tooFew.</li>
 * <li>grade = 50 verified closure + 20 SLA compliance + 10 (1 - share of open over 50 days) + 10 (1 - reopen rate)
 * + 10 acknowledged within a day; rank 1 + rows graded higher.</li>
 * </ul>
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, parallel = true)
class ReviewScenarioTest {

    @Inject
    AgroalDataSource dataSource;

    private static final String FROM = "2026-11-02";
    private static final String TO = "2026-11-08";
    private static ReviewScenario scenario;
    /** Every answer body this class received, checked for citizens' data at the end of each test. */
    private final List<String> answers = new ArrayList<>();

    /*
     * Worked out by hand, grievance by grievance (G01..G25 in ReviewScenario). PHE has the volume for rates; it is
     * 11 received + G17/G24 registered before the week; ELECTRICITY (4) and PANCHAYAT (only G05, transferred in) have
     * too few; (none) is G22, never routed. Times in hours, e.g. PHE to acknowledge: 0.42 1 1 2 2 6 6 8 9 20 24
     * 148.92 -> median 6, p90 20 + 0.9 x 4 = 23.6. Grade PHE: 50 x 8/15 + 20 x 15/16 + 10 x (1 - 1/8) + 10 x (1 -
     * 6/16) + 10 x 11/12 = 69.58.
     */
    static final String BY_DEPARTMENT = """
            figure                      (none)  ELECTRICITY  PANCHAYAT  PHE      total
            received                    1       4            0          11       16
            assigned                    0       4            0          12       16
            escalated                   0       1            0          5        6
            escalatedToLevel2           0       1            0          2        3
            escalatedToLevel3           0       0            0          3        3
            reopened                    0       0            0          6        6
            disputed                    0       0            0          1        1
            transferred                 0       0            0          1        1
            resolved                    0       3            1          16       20
            resolvedOnTime              0       3            1          15       19
            closedVerified              0       2            1          8        11
            closedUnverified            0       0            0          1        1
            open                        1       2            0          8        11
            openByStatus.REGISTERED     1       0            0          0        1
            openByStatus.ASSIGNED       0       0            0          1        1
            openByStatus.IN_PROGRESS    0       1            0          3        4
            openByStatus.RESOLVED       0       1            0          2        3
            openByStatus.REOPENED       0       0            0          2        2
            openByLevel.unrouted        1       0            0          0        1
            openByLevel.1               0       1            0          2        3
            openByLevel.2               0       1            0          1        2
            openByLevel.3               0       0            0          5        5
            overdue                     0       0            0          3        3
            ageing.0-7                  1       2            0          5        8
            ageing.8-21                 0       0            0          1        1
            ageing.22-50                0       0            0          1        1
            ageing.over-50              0       0            0          1        1
            slaCompliance               -       -            -          0.9375   0.95
            verifiedClosureRate         -       -            -          0.5333   0.6111
            reopenRate                  -       -            -          0.375    0.3
            firstTimeRight              -       -            -          0.9167   0.9375
            satisfaction                -       -            -          0.5714   0.6471
            averageRating               -       -            -          -        3.6
            acknowledgedWithinADay      -       -            -          0.9167   0.7647
            medianHoursToAcknowledge    -       -            -          6.0      6.0
            p90HoursToAcknowledge       -       -            -          23.6     35.57
            medianHoursToResolve        -       -            -          35.0     35.0
            p90HoursToResolve           -       -            -          180.01   132.04
            medianHoursToClose          -       -            -          -        63.42
            p90HoursToClose             -       -            -          -        206.3
            grade                       -       -            -          69.6     73.3
            rank                        -       -            -          1        -
            """;

    /** The same week by block: G21 was reassigned from Balod to Gurur, G05 transferred from PHE Balod. */
    static final String BY_BLOCK = """
            figure                (none)  ELECTRICITY/Balod  ELECTRICITY/Gurur  PANCHAYAT/Balod  PHE/Balod  PHE/Gurur  total
            received              1       2                  2                  0                5          6          16
            assigned              0       2                  2                  0                5          7          16
            escalated             0       0                  1                  0                1          4          6
            reopened              0       0                  0                  0                0          6          6
            transferred           0       0                  0                  0                1          0          1
            resolved              0       1                  2                  1                4          12         20
            resolvedOnTime        0       1                  2                  1                3          12         19
            closedVerified        0       1                  1                  1                4          4          11
            closedUnverified      0       0                  0                  0                0          1          1
            open                  1       0                  2                  0                3          5          11
            overdue               0       0                  0                  0                2          1          3
            ageing.over-50        0       0                  0                  0                1          0          1
            slaCompliance         -       -                  -                  -                -          1.0        0.95
            verifiedClosureRate   -       -                  -                  -                -          0.3636     0.6111
            reopenRate            -       -                  -                  -                -          0.5        0.3
            satisfaction          -       -                  -                  -                -          0.4        0.6471
            firstTimeRight        -       -                  -                  -                -          -          0.9375
            grade                 -       -                  -                  -                -          -          73.3
            """;

    /** A few holders: flows that moved a grievance count for the one it was taken from. */
    static final String BY_OFFICER = """
            figure            PHE/Gurur/phe-gurur-l1  PHE/Gurur/phe-head  PHE/Gurur/collector  PHE/Balod/phe-balod-l1
            received          6                       0                   0                    5
            assigned          7                       0                   0                    5
            escalated         2                       2                   0                    0
            reopened          3                       2                   1                    0
            disputed          0                       0                   1                    0
            transferred       0                       0                   0                    1
            resolved          7                       2                   3                    3
            closedVerified    3                       0                   1                    3
            closedUnverified  1                       0                   0                    0
            open              1                       1                   3                    1
            overdue           0                       0                   1                    0
            """;

    @BeforeEach
    void theWeekIsPublished() throws InterruptedException, SQLException {
        TestDirectory.ensurePublished(dataSource);
        synchronized (ReviewScenarioTest.class) {
            if (scenario == null) {
                scenario = new ReviewScenario();
                scenario.publish();
            }
        }
    }

    @Test
    void byDepartmentTheFiguresAreTheHandWorkedOnes() {
        JsonNode report = awaitAgreement(() -> review("department", Map.of()), BY_DEPARTMENT);
        assertEquals(List.of(), ReviewTables.differences(BY_DEPARTMENT, ReviewTables.columns(report)));
        assertEquals(List.of("(none)", "ELECTRICITY", "PANCHAYAT", "PHE"), ReviewTables.keys(report), "rows and their order");
        assertEquals("BLD", report.path("district").asText());
        assertEquals(FROM, report.path("from").asText());
        assertEquals(TO, report.path("to").asText());
        assertEquals("department", report.path("groupBy").asText());
        assertEquals(10, report.path("minimumVolume").asInt());
        assertEquals(Instant.parse("2026-11-08T18:30:00Z"), Instant.parse(report.path("stockAt").asText()),
                "stocks at 9 Nov 00:00 IST");
        assertTrue(report.path("rows").get(0).path("departmentCode").isNull(), "the unrouted row has no department");
        // Too few: exactly the rates and times the table leaves empty are listed, and each of them is null.
        Map<String, JsonNode> rows = ReviewTables.columns(report);
        for (String column : List.of("(none)", "ELECTRICITY", "PANCHAYAT", "PHE", "total")) {
            List<String> listed = new ArrayList<>();
            rows.get(column).path("tooFew").forEach(n -> listed.add(n.asText()));
            List<String> expected = ReviewTables.expectedNull(BY_DEPARTMENT, column).stream()
                    .filter(f -> !f.equals("grade") && !f.equals("rank")).toList();
            assertEquals(new TreeSet<>(expected), new TreeSet<>(listed), "tooFew of " + column);
            assertEquals(listed.size(), new TreeSet<>(listed).size(), "tooFew of " + column + " has duplicates");
        }
        assertNothingPrivate();
    }

    @Test
    void byBlockAndForOneDepartmentTheFiguresAreTheHandWorkedOnes() {
        JsonNode report = awaitAgreement(() -> review("block", Map.of()), BY_BLOCK);
        assertEquals(List.of(), ReviewTables.differences(BY_BLOCK, ReviewTables.columns(report)));
        assertEquals(List.of("(none)", "ELECTRICITY/Balod", "ELECTRICITY/Gurur", "PANCHAYAT/Balod", "PHE/Balod",
                "PHE/Gurur"), ReviewTables.keys(report), "rows and their order");

        JsonNode phe = json(review("block", Map.of("department", "PHE")));
        assertEquals(List.of("PHE/Balod", "PHE/Gurur"), ReviewTables.keys(phe));
        String pheOnly = """
                figure       PHE/Balod  PHE/Gurur  total
                received     5          6          11
                resolved     4          12         16
                open         3          5          8
                overdue      2          1          3
                grade        -          -          69.6
                """;
        assertEquals(List.of(), ReviewTables.differences(pheOnly, ReviewTables.columns(phe)));

        JsonNode gurur = json(review("department", Map.of("department", "PHE", "block", "Gurur")));
        assertEquals(List.of(), ReviewTables.differences("""
                figure    PHE  total
                received  6    6
                reopened  6    6
                open      5    5
                """, ReviewTables.columns(gurur)));
        assertNothingPrivate();
    }

    @Test
    void byOfficerFlowsThatMovedAGrievanceCountForWhoItWasTakenFrom() {
        JsonNode report = awaitAgreement(() -> review("officer", Map.of()), BY_OFFICER);
        assertEquals(List.of(), ReviewTables.differences(BY_OFFICER, ReviewTables.columns(report)));
        JsonNode one = json(review("officer", Map.of("officer", "phe-gurur-l1")));
        assertEquals(List.of("PHE/Gurur/phe-gurur-l1"), ReviewTables.keys(one), "the officer filter keeps only their rows");
        assertNothingPrivate();
    }

    @Test
    void theCsvIsTheSameReviewWithHindiOrEnglishHeaders() {
        awaitAgreement(() -> review("department", Map.of()), BY_DEPARTMENT);
        for (String lang : List.of("en", "hi")) {
            Response csv = given().auth().oauth2(ReviewDirectory.collector()).queryParam("from", FROM)
                    .queryParam("to", TO).queryParam("lang", lang).get("/api/review.csv");
            assertEquals(200, csv.statusCode(), csv.asString());
            assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
            byte[] bytes = csv.asByteArray();
            String text = new String(bytes, StandardCharsets.UTF_8);
            answers.add(text);
            assertTrue(text.startsWith("\uFEFF"), "UTF-8 byte-order mark");
            assertTrue(text.endsWith("\r\n") && !text.replace("\r\n", "").contains("\n"), "CRLF lines only");
            List<String> lines = text.substring(1).lines().toList();
            assertEquals(1 + 4 + 1, lines.size(), "header, (none), ELECTRICITY, PANCHAYAT, PHE, total: " + lines);
            boolean hindi = lang.equals("hi");
            List<String> header = ReviewTables.fields(lines.get(0));
            Map<String, String> phe = ReviewTables.cells(header, lines.stream().filter(l -> l.startsWith("PHE,")).findFirst()
                    .orElseThrow());
            Map<String, String> electricity = ReviewTables.cells(header, lines.stream().filter(l -> l.startsWith("ELECTRICITY,"))
                    .findFirst().orElseThrow());
            Map<String, String> total = ReviewTables.cells(header, lines.get(lines.size() - 1));
            assertEquals(hindi ? "कुल" : "Total", total.get(hindi ? "विभाग" : "Department"));
            // Hand-worked figures again (see BY_DEPARTMENT), rates as percentages with one decimal.
            Map<String, String> expectedPhe = hindi
                    ? Map.of("प्राप्त", "11", "लंबित", "8", "समय-सीमा पार", "3", "50 दिन से अधिक लंबित", "1",
                    "पुनः खोले गए (असंतुष्ट)", "6", "विवादित", "1", "सत्यापित निराकरण दर %", "53.3",
                    "पुनः खुलने की दर %", "37.5", "संतुष्टि %", "57.1", "ग्रेड (0-100)", "69.6")
                    : Map.of("Received", "11", "Open", "8", "Overdue", "3", "Open over 50 days", "1",
                    "Reopened (not satisfied)", "6", "Disputed", "1", "Verified closure rate %", "53.3",
                    "Reopen rate %", "37.5", "Satisfied %", "57.1", "Grade (0-100)", "69.6");
            expectedPhe.forEach((column, value) -> assertEquals(value, phe.get(column), lang + " PHE " + column));
            assertEquals("1", phe.get(hindi ? "रैंक" : "Rank"));
            assertEquals(0, new BigDecimal("35.0").compareTo(new BigDecimal(
                    phe.get(hindi ? "निराकरण में घंटे (माध्यिका)" : "Median hours to resolve"))), lang + " median");
            String tooFew = hindi ? "बहुत कम" : "too few";
            assertEquals(tooFew, electricity.get(hindi ? "सत्यापित निराकरण दर %" : "Verified closure rate %"));
            assertEquals(tooFew, electricity.get(hindi ? "समय-सीमा में %" : "Within deadline %"));
            assertEquals("95.0", total.get(hindi ? "समय-सीमा में %" : "Within deadline %"));
            assertEquals("16", total.get(hindi ? "प्राप्त" : "Received"));
            assertEquals("11", total.get(hindi ? "बंद, नागरिक संतुष्ट" : "Closed, citizen satisfied"));
        }
        assertNothingPrivate();
    }

    @Test
    void theTrendGivesEachIstDayOfTheWeek() {
        // Day by day: flows of that IST day, stocks at its end (G02, resolved 28 Oct, is open until its feedback
        // window closes on the 4th, but not overdue: it waits for the citizen). No day has 10 resolutions.
        String days = """
                day         received  resolved  closedVerified  closedUnverified  reopened  escalated  open  overdue
                2026-11-02  5         0         0               0                 0         2          12    2
                2026-11-03  3         5         2               0                 2         0          13    2
                2026-11-04  3         3         2               1                 1         0          13    2
                2026-11-05  1         5         2               0                 2         2          12    2
                2026-11-06  1         4         3               0                 1         1          10    2
                2026-11-07  2         1         2               0                 0         0          10    2
                2026-11-08  1         2         0               0                 0         1          11    3
                """;
        Supplier<Response> trend = () -> given().auth().oauth2(ReviewDirectory.collector()).queryParam("from", FROM)
                .queryParam("to", TO).queryParam("interval", "day").get("/api/review/trend");
        JsonNode answer = awaitTrend(trend, days);
        assertEquals("day", answer.path("interval").asText());
        assertEquals(List.of(), trendDifferences(answer, days));
        for (JsonNode point : answer.path("points")) {
            assertTrue(point.path("slaCompliance").isNull() && point.path("verifiedClosureRate").isNull(),
                    "rates of a day with under 10 resolutions are too few: " + point);
        }
        assertNothingPrivate();
    }

    @Test
    void habitualComplainantsAreCountedByIstMonthAndNeverNamed() {
        // November (IST): A filed G01 G03 G11, C G18 G19 G20 G23 (G23 on 9 November), D G16 G17 G22 (G17 at 23:50
        // IST on 1 November, still October in UTC); B filed two, E one (three of E's are October's).
        awaitHabitual("2", 3, 10);
        JsonNode two = json(habitual("2"));
        assertEquals("2026-11", two.path("month").asText());
        assertEquals(2, two.path("threshold").asInt());
        assertEquals(3, two.path("citizens").asInt());
        assertEquals(10, two.path("grievances").asInt());
        JsonNode three = json(habitual("3"));
        assertEquals(1, three.path("citizens").asInt(), three.toString());
        assertEquals(4, three.path("grievances").asInt(), three.toString());
        assertNothingPrivate();
    }

    @Test
    void badInputIsRefusedNamingTheParameter() {
        Map<String, Map<String, String>> refusedWithField = new LinkedHashMap<>();
        refusedWithField.put("department", Map.of("department", "WATER"));
        refusedWithField.put("block", Map.of("block", "Mumbai"));
        refusedWithField.put("officer", Map.of("officer", "phe-mumbai-l1"));
        refusedWithField.put("groupBy", Map.of("groupBy", "foo"));
        refusedWithField.put("from", Map.of("from", "02-11-2026"));
        List<String> wrong = new ArrayList<>();
        for (String path : List.of("/api/review", "/api/review.csv", "/api/review/trend")) {
            refusedWithField.forEach((field, params) -> {
                if (path.endsWith("trend") && field.equals("groupBy")) {
                    return;
                }
                Map<String, String> query = new LinkedHashMap<>(Map.of("from", FROM, "to", TO));
                query.putAll(params);
                Response r = given().auth().oauth2(ReviewDirectory.collector()).queryParams(query).get(path);
                if (r.statusCode() != 400 || !field.equals(r.jsonPath().getString("field"))) {
                    wrong.add(path + " " + params + ": " + r.statusCode() + " " + r.asString());
                }
            });
        }
        for (Map<String, String> period : List.of(Map.of("from", "2025-01-01", "to", TO),
                Map.of("from", TO, "to", FROM))) {
            Response r = given().auth().oauth2(ReviewDirectory.collector()).queryParams(period).get("/api/review");
            if (r.statusCode() != 400 || r.jsonPath().getString("field") == null) {
                wrong.add("/api/review " + period + ": " + r.statusCode() + " " + r.asString());
            }
        }
        assertEquals(List.of(), wrong);
        // A long period that is not over 400 days is answered.
        assertEquals(200, given().auth().oauth2(ReviewDirectory.collector()).queryParam("from", "2025-11-09")
                .queryParam("to", TO).get("/api/review").statusCode());
    }

    private Response review(String groupBy, Map<String, String> filters) {
        Response r = given().auth().oauth2(ReviewDirectory.collector()).queryParam("from", FROM).queryParam("to", TO)
                .queryParam("groupBy", groupBy).queryParams(filters).get("/api/review");
        answers.add(r.asString());
        return r;
    }

    private Response habitual(String threshold) {
        Response r = given().auth().oauth2(ReviewDirectory.collector()).queryParam("month", "2026-11")
                .queryParam("threshold", threshold).get("/api/review/habitual");
        answers.add(r.asString());
        return r;
    }

    /** Polls until the review agrees with the table or 60 s pass (events are projected asynchronously). */
    private JsonNode awaitAgreement(Supplier<Response> call, String table) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode report;
        do {
            report = json(call.get());
            if (ReviewTables.differences(table, ReviewTables.columns(report)).isEmpty()) {
                break;
            }
            sleep();
        } while (Instant.now().isBefore(deadline));
        return report;
    }

    private JsonNode awaitTrend(Supplier<Response> call, String days) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode answer;
        do {
            Response r = call.get();
            answers.add(r.asString());
            answer = json(r);
            if (trendDifferences(answer, days).isEmpty()) {
                break;
            }
            sleep();
        } while (Instant.now().isBefore(deadline));
        return answer;
    }

    private void awaitHabitual(String threshold, int citizens, int grievances) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode h = json(habitual(threshold));
            if (h.path("citizens").asInt() == citizens && h.path("grievances").asInt() == grievances) {
                return;
            }
            sleep();
        }
    }

    private static List<String> trendDifferences(JsonNode answer, String days) {
        List<String> lines = days.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String[] names = lines.get(0).split("\\s+");
        List<String> differences = new ArrayList<>();
        JsonNode points = answer.path("points");
        if (points.size() != lines.size() - 1) {
            differences.add("expected " + (lines.size() - 1) + " points, answered " + points.size());
            return differences;
        }
        for (int i = 1; i < lines.size(); i++) {
            String[] cells = lines.get(i).split("\\s+");
            JsonNode point = points.get(i - 1);
            if (!point.path("from").asText().equals(cells[0]) || !point.path("to").asText().equals(cells[0])) {
                differences.add(cells[0] + ": point is " + point.path("from") + ".." + point.path("to"));
            }
            for (int j = 1; j < names.length; j++) {
                if (point.path(names[j]).asInt(-1) != Integer.parseInt(cells[j]) || !point.has(names[j])) {
                    differences.add(cells[0] + " " + names[j] + ": expected " + cells[j] + ", answered "
                            + point.path(names[j]));
                }
            }
        }
        return differences;
    }

    private JsonNode json(Response r) {
        assertEquals(200, r.statusCode(), r.asString());
        answers.add(r.asString());
        try {
            return Json.mapper().readTree(r.asString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** No citizen reference, complaint text, grievance id or number, and no phone-like digit run in any answer. */
    private void assertNothingPrivate() {
        Pattern phoneLike = Pattern.compile("\\d{10,}");
        List<String> leaks = new ArrayList<>();
        for (String answer : answers) {
            for (String value : scenario.private_()) {
                if (answer.contains(value)) {
                    leaks.add(value);
                }
            }
            if (phoneLike.matcher(answer).find()) {
                leaks.add("digits in " + answer);
            }
        }
        assertEquals(List.of(), leaks.stream().distinct().toList());
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
