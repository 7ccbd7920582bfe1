package org.samadhan.grievance.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.Topics;
import org.samadhan.grievance.TestGrievances;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/**
 * The worklist's tabs: each count is what the list totals for that tab, for a block officer, a department head and
 * the collector, over grievances of two departments in two blocks worked out by hand.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, parallel = true)
class GrievanceCountsTest {

    private static final String OFFICER = TestGrievances.token("agriculture-gunderdehi-l1", "officer", "AGRICULTURE",
            "Gunderdehi");
    private static final String HEAD = TestGrievances.token("agriculture-head", "department_head", "AGRICULTURE",
            null);
    private static final String COLLECTOR = TestGrievances.token("collector", "collector", null, null);

    /** A tab as the portal asks the list for it, by its key in the counts. */
    private static final Map<String, Map<String, String>> TABS = new LinkedHashMap<>();

    static {
        TABS.put("new", Map.of("status", "ASSIGNED"));
        TABS.put("inProgress", Map.of("status", "IN_PROGRESS"));
        TABS.put("reopened", Map.of("status", "REOPENED"));
        TABS.put("overdue", Map.of("overdue", "true"));
        TABS.put("awaitingCitizen", Map.of("status", "RESOLVED"));
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eachTabCountsWhatItsListTotalsInTheCallersScope() throws Exception {
        // AGRICULTURE and FOREST are used by no other test, so these ten are all there is of them.
        List<String> agriGunderdehi = TestGrievances.assigned(dataSource, 5, "AGRICULTURE", "Gunderdehi");
        List<String> agriBalod = TestGrievances.assigned(dataSource, 2, "AGRICULTURE", "Balod");
        List<String> forestGunderdehi = TestGrievances.assigned(dataSource, 2, "FOREST", "Gunderdehi");
        TestGrievances.assigned(dataSource, 1, "FOREST", "Balod");

        // Gunderdehi's AGRICULTURE: one left new, one new and overdue, one in progress, one resolved, one reopened.
        overdue(agriGunderdehi.get(1));
        post(COLLECTOR, agriGunderdehi.get(2), "acknowledge", Map.of("note", "Seed supplier called"));
        post(OFFICER, agriGunderdehi.get(3), "resolve", Map.of("note", "Soil health card issued"));
        post(OFFICER, agriGunderdehi.get(4), "resolve", Map.of("note", "Crop loss survey done"));
        KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(agriGunderdehi.get(4), TestGrievances.json(
                TestGrievances.feedback(agriGunderdehi.get(4), "chatbot:wamid.CNT1", false, null,
                        "मुआवज़ा अभी तक नहीं मिला"))));
        TestGrievances.awaitStatus(dataSource, List.of(agriGunderdehi.get(4)), "REOPENED");
        // Balod's: one new, one in progress and overdue. FOREST: Gunderdehi one new, one resolved; Balod one new.
        post(HEAD, agriBalod.get(1), "acknowledge", Map.of());
        overdue(agriBalod.get(1));
        post(COLLECTOR, forestGunderdehi.get(1), "resolve", Map.of("note", "Tendu leaf bonus paid"));

        assertEquals(counts(2, 1, 1, 1, 1), countsOf(OFFICER, Map.of()), "the officer's block");
        assertEquals(counts(0, 0, 0, 0, 0), countsOf(OFFICER, Map.of("department", "FOREST")),
                "another department's filter finds nothing in the officer's scope");
        assertEquals(counts(3, 2, 1, 2, 1), countsOf(HEAD, Map.of()), "the head's department, both blocks");
        assertEquals(counts(1, 1, 0, 1, 0), countsOf(HEAD, Map.of("block", "balod")));
        assertEquals(counts(2, 0, 0, 0, 1), countsOf(COLLECTOR, Map.of("department", "FOREST")));
        assertEquals(counts(0, 0, 1, 0, 0), countsOf(COLLECTOR, Map.of("q", numberOf(agriGunderdehi.get(4)))));

        List<String> mismatches = new ArrayList<>();
        for (String token : List.of(OFFICER, HEAD, COLLECTOR)) {
            for (Map<String, String> narrowing : List.of(Map.<String, String>of(), Map.of("block", "Gunderdehi"),
                    Map.of("department", "AGRICULTURE"), Map.of("department", "FOREST", "block", "Balod"),
                    Map.of("q", "kusumkasa"))) {
                mismatches.addAll(againstTheList(token, narrowing));
            }
        }
        assertEquals(List.of(), mismatches, "every tab's count is its list's total");
    }

    @Test
    void countsAnswerOnlyOfficialsAndRefuseBadFilters() {
        given().get("/api/grievances/counts").then().statusCode(401);
        given().auth().oauth2(TestGrievances.token("citizen", "citizen", "PHE", "Gurur"))
                .get("/api/grievances/counts").then().statusCode(403);
        var tooLong = given().auth().oauth2(COLLECTOR).queryParam("q", "x".repeat(201)).get("/api/grievances/counts");
        assertEquals(400, tooLong.statusCode());
        assertEquals("q", tooLong.path("field"));
        var keys = new TreeSet<>(given().auth().oauth2(OFFICER).get("/api/grievances/counts").then().statusCode(200)
                .extract().jsonPath().getMap("").keySet());
        assertEquals(new TreeSet<>(TABS.keySet()), keys);
    }

    /** The differences between each tab's count and its list's total, for one caller and narrowing. */
    private static List<String> againstTheList(String token, Map<String, String> narrowing) {
        List<String> mismatches = new ArrayList<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            mismatches.clear();
            Map<String, Object> before = countsOf(token, narrowing);
            for (var tab : TABS.entrySet()) {
                Map<String, String> query = new LinkedHashMap<>(narrowing);
                query.putAll(tab.getValue());
                var list = given().auth().oauth2(token).queryParams(query).queryParam("size", 1).get("/api/grievances");
                assertEquals(200, list.statusCode(), list.asString());
                long total = ((Number) list.path("total")).longValue();
                long count = ((Number) before.get(tab.getKey())).longValue();
                if (total != count) {
                    mismatches.add(narrowing + " " + tab.getKey() + ": count " + count + ", list " + total);
                }
            }
            if (before.equals(countsOf(token, narrowing))) {
                return mismatches; // nothing changed meanwhile (the running deadline watch may act on others' data)
            }
        }
        mismatches.add(narrowing + ": the counts never held still");
        return mismatches;
    }

    private static Map<String, Object> countsOf(String token, Map<String, String> narrowing) {
        var response = given().auth().oauth2(token).queryParams(narrowing).get("/api/grievances/counts");
        assertEquals(200, response.statusCode(), response.asString());
        return response.jsonPath().getMap("");
    }

    private static Map<String, Object> counts(int fresh, int inProgress, int reopened, int overdue, int awaiting) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("new", fresh);
        counts.put("inProgress", inProgress);
        counts.put("reopened", reopened);
        counts.put("overdue", overdue);
        counts.put("awaitingCitizen", awaiting);
        return counts;
    }

    /** Past due at the collector's level, so the running deadline watch has no level to hand it to. */
    private void overdue(String id) throws Exception {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "update grievance set due_at = now() - interval '2 hours', level = 3 where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            s.executeUpdate();
        }
    }

    private static void post(String token, String id, String action, Map<String, String> body) {
        given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/grievances/" + id + "/" + action).then().statusCode(200);
    }

    private static String numberOf(String id) {
        return given().auth().oauth2(COLLECTOR).get("/api/grievances/" + id).path("grievance.number");
    }
}
