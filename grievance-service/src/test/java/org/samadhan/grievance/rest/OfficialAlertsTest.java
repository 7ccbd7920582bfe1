package org.samadhan.grievance.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.Topics;
import org.samadhan.grievance.DeadlineWatch;
import org.samadhan.grievance.TestGrievances;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/**
 * Officials' alerts on the portal, as notification-service's "Officials' alerts" table tells them on WhatsApp:
 * assigned to you; due soon; escalated to you and away from you when the deadline passes; the resolution rejected and
 * escalated to the one above when the citizen is not satisfied; disputed at the top. Each official sees and marks only
 * their own, and no alert carries the citizen's words, ref or number. REVENUE is used by no other test.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, parallel = true)
class OfficialAlertsTest {

    private static final String HEAD = TestGrievances.token("revenue-head", "department_head", "REVENUE", null);
    private static final String COLLECTOR = TestGrievances.token("collector", "collector", null, null);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    DeadlineWatch watch;

    @Test
    void theOfficerIsToldOfTheAssignmentTheReminderAndTheEscalationAndTheHeadOfTheEscalation() throws Exception {
        String officer = officer("Gunderdehi");
        String officerId = "revenue-gunderdehi-l1";
        Instant assigned = Instant.now();
        String id = TestGrievances.assigned(dataSource, 1, "REVENUE", "Gunderdehi").get(0); // 7 days
        String number = numberOf(id);

        JsonPath first = alertsOf(officer, number);
        assertEquals(List.of("ASSIGNED"), first.getList("kind"));
        assertEquals(List.of(number, "REVENUE", "Gunderdehi", "Kusumkasa", 1, false),
                List.of(first.getString("[0].grievanceNumber"), first.getString("[0].departmentCode"),
                        first.getString("[0].block"), first.getString("[0].village"), first.getInt("[0].level"),
                        first.getBoolean("[0].read")));
        assertFalse(first.getMap("[0]").containsKey("fromOfficer"), "not handed over from anyone");
        Instant due = Instant.parse(first.getString("[0].dueAt"));
        assertTrue(Duration.between(assigned, due).minus(Duration.ofDays(7)).abs().getSeconds() < 60, "due in 7 days");

        Instant reminded = assigned.plus(Duration.ofDays(7)).minus(Duration.ofHours(6));
        watch.checkAt(reminded);
        Instant escalated = assigned.plus(Duration.ofDays(7)).plus(Duration.ofHours(1));
        watch.checkAt(escalated);

        JsonPath mine = alertsOf(officer, number);
        assertEquals(List.of("ESCALATED_AWAY", "DUE_SOON", "ASSIGNED"), mine.getList("kind"), "newest first");
        assertAbout(escalated, mine.getString("[0].at"), "when it was escalated");
        assertAbout(reminded, mine.getString("[1].at"), "when it was reminded");
        assertEquals("revenue-head", mine.getString("[0].toOfficer"), "who has it now");
        assertEquals(2, mine.getInt("[0].level"));
        assertEquals(due, Instant.parse(mine.getString("[1].dueAt")), "the reminder names the deadline it was for");
        assertEquals(due, Instant.parse(mine.getString("[2].dueAt")), "the assignment keeps the deadline it had");

        JsonPath heads = alertsOf(HEAD, number);
        assertEquals(List.of("ESCALATED_TO_YOU"), heads.getList("kind"));
        assertEquals(officerId, heads.getString("[0].fromOfficer"));
        assertEquals(2, heads.getInt("[0].level"));
        assertAbout(escalated.plus(Duration.ofDays(3)), heads.getString("[0].dueAt"), "the head's three days");
        assertEquals(mine.getString("[0].id"), heads.getString("[0].id"), "one step, seen by both");
    }

    @Test
    void aRejectedResolutionTellsTheOneBelowAndTheOneAboveAndAtTheTopTheCollectorThatItIsDisputed() throws Exception {
        String officer = officer("Dondi");
        String officerId = "revenue-dondi-l1";
        String id = TestGrievances.assigned(dataSource, 1, "REVENUE", "Dondi").get(0);
        String number = numberOf(id);

        resolve(officer, id, "Khasra corrected in Bhuiyan");
        notSatisfied(id, "chatbot:wamid.ALR1", "नक्शा अभी भी गलत है", "REOPENED");
        assertEquals(List.of("RESOLUTION_REJECTED:revenue-head", "ASSIGNED:"), kindsAndTo(alertsOf(officer, number)));
        JsonPath heads = alertsOf(HEAD, number);
        assertEquals(List.of("ESCALATED_TO_YOU"), heads.getList("kind"));
        assertEquals(officerId, heads.getString("[0].fromOfficer"));

        resolve(HEAD, id, "Field verification done, map updated");
        notSatisfied(id, "chatbot:wamid.ALR2", "nahi hua", "REOPENED");
        assertEquals(List.of("RESOLUTION_REJECTED:collector", "ESCALATED_TO_YOU:revenue-head"),
                kindsAndTo(alertsOf(HEAD, number)));
        assertEquals(List.of("ESCALATED_TO_YOU"), alertsOf(COLLECTOR, number).getList("kind"));

        resolve(COLLECTOR, id, "Demarcation by the tehsildar on 4 Dec");
        notSatisfied(id, "chatbot:wamid.ALR3", "tehsildar nahi aaye", "REOPENED");
        JsonPath collectors = alertsOf(COLLECTOR, number);
        assertEquals(List.of("DISPUTED", "ESCALATED_TO_YOU"), collectors.getList("kind"));
        assertEquals(3, collectors.getInt("[0].level"));
        assertFalse(collectors.getMap("[0]").containsKey("toOfficer"), "it stayed with the collector");
        assertEquals(List.of("RESOLUTION_REJECTED:revenue-head", "ASSIGNED:"), kindsAndTo(alertsOf(officer, number)),
                "the officer is told nothing of what happened above");
    }

    @Test
    void readMarksAreTheOfficialsOwnAndAnotherOfficialCanNeitherSeeNorMarkThem() throws Exception {
        String officer = officer("Gurur");
        List<String> ids = TestGrievances.assigned(dataSource, 3, "REVENUE", "Gurur");
        String alert = alertsOf(officer, numberOf(ids.get(0))).getString("[0].id");
        long unread = page(officer, Map.of()).getLong("unread");
        assertTrue(unread >= 3, "three assignments unread");

        assertEquals(unread - 1, read(officer, alert).getLong("unread"));
        assertEquals(unread - 1, read(officer, alert).getLong("unread"), "reading it again changes nothing");
        assertEquals(unread - 1, page(officer, Map.of()).getLong("unread"));
        assertTrue(alertsOf(officer, numberOf(ids.get(0))).getBoolean("[0].read"));
        JsonPath unreadOnly = page(officer, Map.of("unread", "true", "size", "100"));
        assertEquals(unread - 1, unreadOnly.getLong("total"));
        assertFalse(unreadOnly.getList("items.id").contains(alert), "only unread ones");
        assertEquals(unread, page(officer, Map.of()).getLong("total"), "all of them, read or not");

        for (String other : List.of(officer("Balod"), HEAD, COLLECTOR,
                TestGrievances.token("phe-gurur-l1", "officer", "PHE", "Gurur"))) {
            var refused = given().auth().oauth2(other).post("/api/alerts/" + alert + "/read");
            assertEquals(404, refused.statusCode(), refused.asString());
            String unknown = ids.get(0) + ":99";
            assertEquals(given().auth().oauth2(other).post("/api/alerts/" + unknown + "/read").asString()
                    .replace(unknown, "X"), refused.asString().replace(alert, "X"), "like an alert that is not");
            assertFalse(page(other, Map.of("size", "100")).getList("items.id").contains(alert));
        }
        assertEquals(404, given().auth().oauth2(officer).post("/api/alerts/not-an-alert/read").statusCode());

        assertEquals(0, given().auth().oauth2(officer).post("/api/alerts/read-all").then().statusCode(200)
                .extract().jsonPath().getLong("unread"));
        assertEquals(0, given().auth().oauth2(officer).post("/api/alerts/read-all").then().statusCode(200)
                .extract().jsonPath().getLong("unread"), "again: nothing changes");
        assertEquals(List.of(), page(officer, Map.of("unread", "true")).getList("items"));
        assertEquals(0, page(officer, Map.of()).getLong("unread"));
    }

    @Test
    void anAlertAboutAGrievanceThatLeftTheOfficialsScopeStaysButTellsNothingOfTheCitizen() throws Exception {
        String officer = officer("Balod");
        String officerId = "revenue-balod-l1";
        String id = TestGrievances.assigned(dataSource, 1, "REVENUE", "Balod").get(0);
        String number = numberOf(id);
        given().auth().oauth2(officer).contentType("application/json")
                .body(Map.of("departmentCode", "PANCHAYAT", "reason", "Gram panchayat's own land record"))
                .post("/api/grievances/" + id + "/transfer").then().statusCode(200);
        given().auth().oauth2(officer).get("/api/grievances/" + id).then().statusCode(404);

        JsonPath kept = alertsOf(officer, number);
        assertEquals(List.of("ASSIGNED"), kept.getList("kind"), "it was theirs");
        assertEquals("REVENUE", kept.getString("[0].departmentCode"), "as it was assigned to them");
        JsonPath panchayat = alertsOf(TestGrievances.token("panchayat-balod-l1", "officer", "PANCHAYAT", "Balod"),
                number);
        assertEquals(List.of("ASSIGNED"), panchayat.getList("kind"));
        assertEquals(officerId, panchayat.getString("[0].fromOfficer"));
        assertEquals("PANCHAYAT", panchayat.getString("[0].departmentCode"));

        List<String> leaks = new ArrayList<>();
        for (String token : List.of(officer, TestGrievances.token("panchayat-balod-l1", "officer", "PANCHAYAT",
                "Balod"), HEAD, COLLECTOR)) {
            String body = given().auth().oauth2(token).queryParam("size", 100).get("/api/alerts").asString();
            for (String secret : List.of("919876543210", "हैंडपंप", "cz-" + id.substring(0, 8), "description",
                    "citizen", "reason")) {
                if (body.contains(secret)) {
                    leaks.add(secret);
                }
            }
        }
        assertEquals(List.of(), leaks);
        assertEquals(new java.util.TreeSet<>(List.of("id", "kind", "grievanceNumber", "departmentCode", "block",
                "village", "level", "dueAt", "at", "read")), new java.util.TreeSet<>(kept.getMap("[0]").keySet()),
                "these and nothing else");
    }

    @Test
    void alertsAnswerOnlyOfficialsAndRefuseBadPages() {
        given().get("/api/alerts").then().statusCode(401);
        given().post("/api/alerts/read-all").then().statusCode(401);
        given().auth().oauth2(TestGrievances.token("citizen", "citizen", "PHE", "Gurur")).get("/api/alerts")
                .then().statusCode(403);
        var tooBig = given().auth().oauth2(HEAD).queryParam("size", 101).get("/api/alerts");
        assertEquals(400, tooBig.statusCode());
        assertEquals("size", tooBig.path("field"));
        assertEquals("page", given().auth().oauth2(HEAD).queryParam("page", -1).get("/api/alerts").path("field"));
        given().get("/q/openapi").then().statusCode(200).body(org.hamcrest.Matchers.containsString("/api/alerts"));
    }

    private static String officer(String block) {
        return TestGrievances.token("revenue-" + block.toLowerCase() + "-l1", "officer", "REVENUE", block);
    }

    /** The caller's alerts about one grievance, newest first. */
    private static JsonPath alertsOf(String token, String number) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath result = page(token, Map.of("size", "100", "page", String.valueOf(page)));
            List<Map<String, Object>> rows = result.getList("items");
            rows.stream().filter(row -> number.equals(row.get("grievanceNumber"))).forEach(items::add);
            if (rows.size() < 100) {
                break;
            }
        }
        return JsonPath.from(toJson(items));
    }

    private static JsonPath page(String token, Map<String, String> query) {
        var response = given().auth().oauth2(token).queryParams(query).get("/api/alerts");
        assertEquals(200, response.statusCode(), response.asString());
        return response.jsonPath();
    }

    private static JsonPath read(String token, String alert) {
        var response = given().auth().oauth2(token).post("/api/alerts/" + alert + "/read");
        assertEquals(200, response.statusCode(), response.asString());
        return response.jsonPath();
    }

    private static List<String> kindsAndTo(JsonPath alerts) {
        List<String> kinds = new ArrayList<>();
        for (int i = 0; i < alerts.getList("").size(); i++) {
            String to = alerts.getString("[" + i + "].toOfficer");
            kinds.add(alerts.getString("[" + i + "].kind") + ":" + (to == null ? "" : to));
        }
        return kinds;
    }

    private void notSatisfied(String id, String commandId, String reason, String status) throws Exception {
        KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(id, TestGrievances.json(
                TestGrievances.feedback(id, commandId, false, null, reason))));
        TestGrievances.awaitStatus(dataSource, List.of(id), status);
    }

    private static void resolve(String token, String id, String note) {
        given().auth().oauth2(token).contentType("application/json").body(Map.of("note", note))
                .post("/api/grievances/" + id + "/resolve").then().statusCode(200);
    }

    private static String numberOf(String id) {
        return given().auth().oauth2(COLLECTOR).get("/api/grievances/" + id).path("grievance.number");
    }

    /** The same instant as the database keeps it (to the microsecond, rounded). */
    private static void assertAbout(Instant expected, String actual, String what) {
        assertTrue(Duration.between(expected, Instant.parse(actual)).abs().toMillis() < 1, what + ": " + actual);
    }

    private static String toJson(Object value) {
        try {
            return org.samadhan.contracts.Json.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
