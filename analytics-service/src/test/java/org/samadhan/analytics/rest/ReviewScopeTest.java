package org.samadhan.analytics.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.samadhan.analytics.rest.GrievanceTimeline.register;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.OfficialTokens;
import org.samadhan.testsupport.PostgresTestResource;
import org.samadhan.testsupport.TestDirectory;

/**
 * Who sees which figures, over every review endpoint, with a real OIDC test server: the collector the district, a
 * department head their department, a block officer their department in their block, anyone without a department
 * nothing, and no valid token for this service no answer at all. Its own week (12 to 18 October 2026, IST) in
 * REVENUE and FOOD, which {@link ReviewScenarioTest} does not use, so the two classes can share one database.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, parallel = true)
class ReviewScopeTest {

    @Inject
    AgroalDataSource dataSource;

    private static final String FROM = "2026-10-12";
    private static final String TO = "2026-10-18";
    private static boolean published;

    /**
     * What each caller should see of the week, worked out by hand from the grievances below: the REVENUE and FOOD
     * rows' received / resolved / open, and the habitual complainants of October over 4 and over 2 grievances
     * (citizens/grievances). An empty row list means they see nothing at all.
     */
    enum Caller {
        COLLECTOR("collector", null, null, Map.of("REVENUE", List.of(5, 3, 3), "FOOD", List.of(2, 2, 1)), "1/5", null),
        HEAD_REVENUE("department_head", "REVENUE", null, Map.of("REVENUE", List.of(5, 3, 3)), "1/5", "1/5"),
        HEAD_FOOD("department_head", "FOOD", null, Map.of("FOOD", List.of(2, 2, 1)), "0/0", "0/0"),
        OFFICER_REVENUE_GURUR("officer", "REVENUE", "Gurur", Map.of("REVENUE", List.of(3, 2, 2)), "0/0", "1/3"),
        OFFICER_REVENUE_BALOD("officer", "REVENUE", "Balod", Map.of("REVENUE", List.of(2, 1, 1)), "0/0", "0/0"),
        OFFICER_FOOD_BALOD("officer", "FOOD", "Balod", Map.of("FOOD", List.of(1, 1, 1)), "0/0", "0/0"),
        OFFICER_WITHOUT_CLAIMS("officer", null, null, Map.of(), "0/0", "0/0"),
        HEAD_WITHOUT_DEPARTMENT("department_head", null, null, Map.of(), "0/0", "0/0");

        final String role;
        final String department;
        final String block;
        /** Department -> received, resolved, open. */
        final Map<String, List<Integer>> rows;
        final String habitualOver4;
        /** Null where other tests' citizens may be counted too (the collector's whole district). */
        final String habitualOver2;

        Caller(String role, String department, String block, Map<String, List<Integer>> rows, String habitualOver4,
               String habitualOver2) {
            this.role = role;
            this.department = department;
            this.block = block;
            this.rows = rows;
            this.habitualOver4 = habitualOver4;
            this.habitualOver2 = habitualOver2;
        }

        String token() {
            return OfficialTokens.token("analytics-service", name().toLowerCase(), role, department, block);
        }

        int received() {
            return rows.values().stream().mapToInt(r -> r.get(0)).sum();
        }
    }

    /** Each endpoint, called for the week. */
    enum Endpoint {
        REVIEW("/api/review"), CSV("/api/review.csv"), TREND("/api/review/trend"), HABITUAL("/api/review/habitual");

        final String path;

        Endpoint(String path) {
            this.path = path;
        }

        Response call(RequestSpecification request) {
            return switch (this) {
                case HABITUAL -> request.queryParam("month", "2026-10").queryParam("threshold", 4).get(path);
                case TREND -> request.queryParam("from", FROM).queryParam("to", TO).queryParam("interval", "day")
                        .get(path);
                default -> request.queryParam("from", FROM).queryParam("to", TO).get(path);
            };
        }
    }

    @BeforeEach
    void theWeekIsPublished() throws InterruptedException, SQLException {
        TestDirectory.ensurePublished(dataSource);
        synchronized (ReviewScopeTest.class) {
            if (!published) {
                GrievanceTimeline.publish(week());
                awaitProjected();
                published = true;
            }
        }
    }

    @Test
    void everyCallerSeesExactlyTheirScopeOnEveryEndpoint() {
        List<String> mismatches = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            for (Endpoint endpoint : Endpoint.values()) {
                Response r = endpoint.call(given().auth().oauth2(caller.token()));
                if (r.statusCode() != 200) {
                    mismatches.add(caller + " " + endpoint + ": " + r.statusCode() + " " + r.asString());
                    continue;
                }
                String seen = switch (endpoint) {
                    case REVIEW -> review(r.jsonPath(), caller);
                    case CSV -> csv(r, caller);
                    case TREND -> trend(r.jsonPath(), caller);
                    case HABITUAL -> r.jsonPath().getInt("citizens") + "/" + r.jsonPath().getInt("grievances");
                };
                String expected = switch (endpoint) {
                    case REVIEW, CSV, TREND -> "ok";
                    case HABITUAL -> caller.habitualOver4;
                };
                if (!expected.equals(seen)) {
                    mismatches.add(caller + " " + endpoint + ": " + seen);
                }
            }
            if (caller.habitualOver2 != null) {
                Response h = given().auth().oauth2(caller.token()).queryParam("month", "2026-10")
                        .queryParam("threshold", 2).get("/api/review/habitual");
                String seen = h.statusCode() != 200 ? h.statusCode() + " " + h.asString()
                        : h.jsonPath().getInt("citizens") + "/" + h.jsonPath().getInt("grievances");
                if (!caller.habitualOver2.equals(seen)) {
                    mismatches.add(caller + " habitual over 2: " + seen);
                }
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void anotherDepartmentsOrBlocksFilterGivesNothing() {
        List<String> mismatches = new ArrayList<>();
        Map<Caller, Map<String, String>> elsewhere = Map.of(
                Caller.HEAD_REVENUE, Map.of("department", "FOOD"),
                Caller.HEAD_FOOD, Map.of("department", "REVENUE"),
                Caller.OFFICER_REVENUE_GURUR, Map.of("block", "Balod"),
                Caller.OFFICER_FOOD_BALOD, Map.of("department", "REVENUE", "block", "Balod"));
        elsewhere.forEach((caller, filter) -> {
            for (String groupBy : List.of("department", "block", "officer")) {
                Response r = given().auth().oauth2(caller.token()).queryParam("from", FROM).queryParam("to", TO)
                        .queryParam("groupBy", groupBy).queryParams(filter).get("/api/review");
                JsonPath json = r.jsonPath();
                if (r.statusCode() != 200 || !json.getList("rows").isEmpty() || json.getInt("total.received") != 0
                        || json.getInt("total.open") != 0 || json.getInt("total.resolved") != 0) {
                    mismatches.add(caller + " " + filter + " by " + groupBy + ": " + r.statusCode() + " "
                            + r.asString());
                }
            }
            Response trend = given().auth().oauth2(caller.token()).queryParam("from", FROM).queryParam("to", TO)
                    .queryParam("interval", "day").queryParams(filter).get("/api/review/trend");
            if (trend.statusCode() != 200 || sum(trend.jsonPath().getList("points.received", Integer.class)) != 0) {
                mismatches.add(caller + " " + filter + " trend: " + trend.statusCode() + " " + trend.asString());
            }
        });
        assertEquals(List.of(), mismatches);
    }

    @Test
    void theUnroutedRowIsTheCollectorsAlone() {
        // U, registered on 9 November with no place and never routed: a row without department, for the collector.
        // (After ReviewScenarioTest's week ended and before ProjectionTest's days, which end yesterday and start
        // 20 days earlier, so that no other test's grievance is registered that day.)
        List<String> mismatches = new ArrayList<>();
        for (Caller caller : Caller.values()) {
            JsonPath json = given().auth().oauth2(caller.token()).queryParam("from", "2026-11-09")
                    .queryParam("to", "2026-11-09").get("/api/review").jsonPath();
            List<Map<String, Object>> unrouted = json.<Map<String, Object>>getList("rows").stream()
                    .filter(row -> row.get("departmentCode") == null).toList();
            int expected = caller == Caller.COLLECTOR ? 1 : 0;
            int received = unrouted.stream().mapToInt(row -> (Integer) row.get("received")).sum();
            if (unrouted.size() != expected || received != expected) {
                mismatches.add(caller + ": " + unrouted);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void withoutAValidTokenForThisServiceThereIsNoAnswer() {
        String otherAudience = OfficialTokens.token("grievance-service", "collector", "collector", null, null);
        List<String> mismatches = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            int none = endpoint.call(given()).statusCode();
            int other = endpoint.call(given().auth().oauth2(otherAudience)).statusCode();
            if (none != 401 || other != 401) {
                mismatches.add(endpoint + ": no token " + none + ", grievance-service's token " + other);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    /** "ok" when the rows are exactly the caller's, with the hand-worked figures, and the total adds them up. */
    private static String review(JsonPath json, Caller caller) {
        List<String> departments = json.getList("rows.departmentCode", String.class);
        if (caller != Caller.COLLECTOR && !departments.equals(List.copyOf(new java.util.TreeSet<>(
                caller.rows.keySet())))) {
            return "rows " + departments;
        }
        for (var entry : caller.rows.entrySet()) {
            int i = departments.indexOf(entry.getKey());
            if (i < 0) {
                return "no row " + entry.getKey();
            }
            List<Integer> seen = List.of(json.getInt("rows[" + i + "].received"), json.getInt("rows[" + i
                    + "].resolved"), json.getInt("rows[" + i + "].open"));
            if (!seen.equals(entry.getValue())) {
                return entry.getKey() + " received/resolved/open " + seen;
            }
        }
        if (caller != Caller.COLLECTOR && json.getInt("total.received") != caller.received()) {
            return "total received " + json.getInt("total.received");
        }
        return "ok";
    }

    /** "ok" when the CSV has a line per visible row and a total line with the caller's received count. */
    private static String csv(Response r, Caller caller) {
        List<String> lines = new String(r.asByteArray(), StandardCharsets.UTF_8).substring(1).lines().toList();
        List<String> departments = lines.subList(1, lines.size() - 1).stream().map(l -> ReviewTables.fields(l).get(0))
                .toList();
        for (String department : caller.rows.keySet()) {
            if (!departments.contains(department)) {
                return "no line for " + department + ": " + lines;
            }
        }
        if (caller != Caller.COLLECTOR && departments.size() != caller.rows.size()) {
            return "lines " + departments;
        }
        String received = ReviewTables.fields(lines.get(lines.size() - 1)).get(4);
        return caller == Caller.COLLECTOR || received.equals(String.valueOf(caller.received())) ? "ok"
                : "total received " + received;
    }

    /** "ok" when the week's days received what the caller may see (the collector: all seven of the week). */
    private static String trend(JsonPath json, Caller caller) {
        int received = sum(json.getList("points.received", Integer.class));
        int expected = caller == Caller.COLLECTOR ? 7 : caller.received();
        return received == expected ? "ok" : "received " + received;
    }

    private static int sum(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The week by hand (REVENUE and FOOD: 7 days' service level), stocks at 19 October 00:00 IST:
     * <pre>
     *            received resolved open   who holds it at the end
     * REVENUE/Gurur  3     2 (R1,R3) 2    R2 officer (IN_PROGRESS), R3 head (REOPENED)
     * REVENUE/Balod  2     1 (R4)    1    R4 officer (RESOLVED); R5's registration counts here, its transfer too
     * FOOD/Gurur     1     1 (F1)    0
     * FOOD/Balod     1     1 (R5)    1    F2 (ASSIGNED); R5 was transferred in and resolved here
     * </pre>
     * Citizen X filed R1 to R5 (3 in Gurur, 2 in Balod), Y filed F1 and F2. Everything is closed by 23 October, so
     * nothing here is open in {@link ReviewScenarioTest}'s week; U is registered after that week.
     */
    private static List<GrievanceTimeline> week() {
        String x = ReviewScenario.citizen();
        String y = ReviewScenario.citizen();
        return List.of(
                register("2026-10-12 10:00", "BLD-2026-000201", x, "Gurur", "खसरा नक्शा में नाम गलत दर्ज है")
                        .assign("2026-10-12 10:05", "REVENUE").acknowledge("2026-10-12 12:00")
                        .resolve("2026-10-14 10:00").confirm("2026-10-15 10:00", 4),
                register("2026-10-13 10:00", "BLD-2026-000202", x, "Gurur", "नामांतरण छह महीने से लंबित")
                        .assign("2026-10-13 10:05", "REVENUE").acknowledge("2026-10-13 15:00")
                        .resolve("2026-10-20 09:00").confirm("2026-10-21 09:00", 3),
                register("2026-10-14 10:00", "BLD-2026-000203", x, "Gurur", "सीमांकन के लिए पटवारी नहीं आया")
                        .assign("2026-10-14 10:05", "REVENUE").resolve("2026-10-16 10:00")
                        .reject("2026-10-16 20:00").resolve("2026-10-19 12:00").confirm("2026-10-20 10:00", 2),
                register("2026-10-15 10:00", "BLD-2026-000204", x, "Balod", "आय प्रमाण पत्र नहीं बना")
                        .assign("2026-10-15 10:05", "REVENUE").acknowledge("2026-10-15 11:00")
                        .resolve("2026-10-16 11:00").expire("2026-10-23 11:00"),
                register("2026-10-15 12:00", "BLD-2026-000205", x, "Balod", "राशन कार्ड से नाम कट गया")
                        .assign("2026-10-15 12:05", "REVENUE").transfer("2026-10-16 10:00", "FOOD")
                        .acknowledge("2026-10-16 12:00").resolve("2026-10-17 10:00").confirm("2026-10-17 18:00", 5),
                register("2026-10-13 09:00", "BLD-2026-000206", y, "Gurur", "राशन दुकान से चावल नहीं मिला")
                        .assign("2026-10-13 09:05", "FOOD").acknowledge("2026-10-13 11:00")
                        .resolve("2026-10-14 09:00").confirm("2026-10-14 20:00", 3),
                register("2026-10-16 09:00", "BLD-2026-000207", y, "Balod", "उज्ज्वला गैस कनेक्शन नहीं मिला")
                        .assign("2026-10-16 09:05", "FOOD").acknowledge("2026-10-19 10:00")
                        .resolve("2026-10-20 10:00").confirm("2026-10-21 10:00", 4),
                register("2026-11-09 12:00", "BLD-2026-000208", ReviewScenario.citizen(), null,
                        "कोई सुनवाई नहीं हो रही"));
    }

    /** Waits until the collector's review of the week shows all of it. */
    private static void awaitProjected() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            Response r = Endpoint.REVIEW.call(given().auth().oauth2(Caller.COLLECTOR.token()));
            if (r.statusCode() == 200 && review(r.jsonPath(), Caller.COLLECTOR).equals("ok")) {
                return;
            }
            Thread.sleep(250);
        }
    }
}
