package org.samadhan.grievance.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.CloudEventHeaders;
import org.samadhan.contracts.DeadLetterHeaders;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.grievance.TestGrievances;
import org.samadhan.testsupport.ContractAssertions;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/** The citizen decides: satisfied closes as verified, not satisfied reopens one level up, twice reaches the collector. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, parallel = true)
class FeedbackTest {

    private static final String OFFICER = TestGrievances.token("phe-gurur-l1", "officer", "PHE", "Gurur");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void satisfiedClosesAsVerifiedWithTheRatingAndARedeliveryChangesNothing() throws Exception {
        String id = TestGrievances.assigned(dataSource, 1, "PHE", "Gurur").get(0);
        resolve(id, "Handpump repaired");
        TestGrievances.awaitPublished(dataSource, List.of(id));
        try (var events = KafkaTestClient.fromNowOn(Topics.GRIEVANCE_EVENTS).onlyKeys(id)) {
            String command = TestGrievances.json(TestGrievances.feedback(id, "chatbot:wamid.OK1", true, 5, "ho gaya"));
            KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(id, command));
            var record = events.await(1, Duration.ofSeconds(20)).get(0);
            ContractAssertions.assertHonoursContract(record);
            JsonNode event = Json.mapper().readTree(record.value());
            assertEquals("CONFIRM_RESOLVED", event.path("action").asText());
            assertEquals("CLOSED_VERIFIED", event.path("toStatus").asText());
            assertEquals(5, event.path("rating").asInt());
            assertEquals("CITIZEN", event.path("actor").path("role").asText());

            KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(id, command));
            assertEquals(List.of(), events.drain(Duration.ofSeconds(3)), "a redelivered answer changes nothing");
        }
        assertEquals(5, (int) collector().get("/api/grievances/" + id).path("grievance.rating"));
    }

    @Test
    void notSatisfiedHandsTheGrievanceToTheOfficialAboveAndTheOneBelowCanNoLongerCloseIt() throws Exception {
        String id = TestGrievances.assigned(dataSource, 1, "PHE", "Gurur").get(0);
        String head = TestGrievances.token("phe-head", "department_head", "PHE", null);
        try (var events = KafkaTestClient.fromNowOn(Topics.GRIEVANCE_EVENTS).onlyKeys(id)) {
            resolve(id, "Handpump repaired");
            notSatisfied(id, "chatbot:wamid.NO1", "काम नहीं हुआ, पानी अभी भी नहीं");
            JsonNode first = Json.mapper().readTree(events.await(2, Duration.ofSeconds(20)).get(1).value());
            assertEquals("REJECT_RESOLUTION", first.path("action").asText());
            assertEquals("REOPENED", first.path("toStatus").asText());
            assertEquals(List.of(2, "phe-head", "phe-gurur-l1"), List.of(first.path("level").asInt(),
                    first.path("officerId").asText(), first.path("previousOfficerId").asText()),
                    "now held by the department head, taken from the block officer");
            assertEquals("काम नहीं हुआ, पानी अभी भी नहीं", first.path("reason").asText());

            // The block officer keeps a read-only view: a field report, yes; closing it again, no.
            var officerView = given().auth().oauth2(OFFICER).get("/api/grievances/" + id).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(List.of("ADD_NOTE"), officerView.getList("allowedActions"));
            given().auth().oauth2(OFFICER).contentType("application/json").body(Map.of("note", "Fixed again"))
                    .post("/api/grievances/" + id + "/resolve").then().statusCode(409)
                    .body("error", startsWith("Escalated to the department head"));
            given().auth().oauth2(OFFICER).contentType("application/json")
                    .body(Map.of("departmentCode", "PANCHAYAT", "reason", "not ours"))
                    .post("/api/grievances/" + id + "/transfer").then().statusCode(409);
            given().auth().oauth2(OFFICER).contentType("application/json")
                    .body(Map.of("text", "Visited on 2 Dec: the pump's cylinder needs replacing"))
                    .post("/api/grievances/" + id + "/notes").then().statusCode(200);

            // The department head resolves it; the citizen is still not satisfied: the collector holds it.
            given().auth().oauth2(head).contentType("application/json").body(Map.of("note", "New pipe laid"))
                    .post("/api/grievances/" + id + "/resolve").then().statusCode(200);
            notSatisfied(id, "chatbot:wamid.NO2", "nahi hua");
            JsonNode second = Json.mapper().readTree(events.await(3, Duration.ofSeconds(20)).get(2).value());
            assertEquals(List.of(3, "collector", "phe-head"), List.of(second.path("level").asInt(),
                    second.path("officerId").asText(), second.path("previousOfficerId").asText()));
            given().auth().oauth2(head).contentType("application/json").body(Map.of("note", "Done"))
                    .post("/api/grievances/" + id + "/resolve").then().statusCode(409)
                    .body("error", startsWith("Escalated to the collector"));

            // Not satisfied with the collector's own resolution: it stays with the collector, disputed.
            collector().contentType("application/json").body(Map.of("note", "Tanker daily until the new pump"))
                    .post("/api/grievances/" + id + "/resolve").then().statusCode(200);
            notSatisfied(id, "chatbot:wamid.NO3", "tanker nahi aata");
            JsonNode third = Json.mapper().readTree(events.await(2, Duration.ofSeconds(20)).get(1).value());
            assertEquals(List.of(3, "collector", true), List.of(third.path("level").asInt(),
                    third.path("officerId").asText(), third.path("disputed").asBoolean()));
            assertTrue(third.path("previousOfficerId").isMissingNode(), "nobody else holds it");
        }
        var history = collector().get("/api/grievances/" + id).jsonPath();
        assertEquals(List.of("REGISTER", "ASSIGN", "RESOLVE", "REJECT_RESOLUTION", "ADD_NOTE", "RESOLVE",
                "REJECT_RESOLUTION", "RESOLVE", "REJECT_RESOLUTION"), history.getList("grievance.history.action"));
        assertEquals(List.of("CITIZEN", "SYSTEM", "OFFICER", "CITIZEN", "OFFICER", "DEPARTMENT_HEAD", "CITIZEN",
                "COLLECTOR", "CITIZEN"), history.getList("grievance.history.actorRole"));
        List<String> handovers = new java.util.ArrayList<>();
        for (int i = 0; i < history.getList("grievance.history").size(); i++) {
            String from = history.getString("grievance.history[" + i + "].fromOfficer");
            if (from != null) {
                handovers.add(from + ">" + history.getString("grievance.history[" + i + "].toOfficer"));
            }
        }
        assertEquals(List.of("phe-gurur-l1>phe-head", "phe-head>collector"), handovers, "from whom to whom");
        assertEquals(true, history.getBoolean("grievance.disputed"));
    }

    private static void notSatisfied(String id, String commandId, String reason) {
        KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(id, TestGrievances.json(
                TestGrievances.feedback(id, commandId, false, null, reason))));
    }

    @Test
    void feedbackOnAGrievanceThatIsNotResolvedIsDeadLetteredWithTheReason() throws Exception {
        String id = TestGrievances.assigned(dataSource, 1, "PHE", "Gurur").get(0);
        try (var dlq = KafkaTestClient.fromNowOn(Topics.deadLetter(Topics.GRIEVANCE_COMMANDS))) {
            KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(id, TestGrievances.json(
                    TestGrievances.feedback(id, "chatbot:wamid.EARLY", true, null, null))));
            var dead = dlq.await(1, Duration.ofSeconds(20)).get(0);
            assertEquals("CONFIRM_RESOLVED is not possible while the grievance is ASSIGNED",
                    CloudEventHeaders.get(dead.headers(), DeadLetterHeaders.REASON));
            assertEquals(Topics.GRIEVANCE_COMMANDS, CloudEventHeaders.get(dead.headers(), DeadLetterHeaders.TOPIC));
        }
        assertEquals("ASSIGNED", collector().get("/api/grievances/" + id).path("grievance.status"));
    }

    private static void resolve(String id, String note) {
        given().auth().oauth2(OFFICER).contentType("application/json").body(Map.of("note", note))
                .post("/api/grievances/" + id + "/resolve").then().statusCode(200);
    }

    private static io.restassured.specification.RequestSpecification collector() {
        return given().auth().oauth2(TestGrievances.token("collector", "collector", null, null));
    }
}
