package org.samadhan.grievance.messaging;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        try (var events = KafkaTestClient.fromNowOn(Topics.GRIEVANCE_EVENTS)) {
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
    void notSatisfiedReopensOneLevelUpAndASecondReachesTheCollector() throws Exception {
        String id = TestGrievances.assigned(dataSource, 1, "PHE", "Gurur").get(0);
        try (var events = KafkaTestClient.fromNowOn(Topics.GRIEVANCE_EVENTS)) {
            resolve(id, "Handpump repaired");
            KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(id, TestGrievances.json(
                    TestGrievances.feedback(id, "chatbot:wamid.NO1", false, null, "काम नहीं हुआ, पानी अभी भी नहीं"))));
            JsonNode first = Json.mapper().readTree(events.await(2, Duration.ofSeconds(20)).get(1).value());
            assertEquals("REJECT_RESOLUTION", first.path("action").asText());
            assertEquals("REOPENED", first.path("toStatus").asText());
            assertEquals(2, first.path("level").asInt(), "one level above the block officer: the department head");
            assertEquals("काम नहीं हुआ, पानी अभी भी नहीं", first.path("reason").asText());

            // The department head resolves it; the citizen is still not satisfied.
            given().auth().oauth2(TestGrievances.token("phe-head", "department_head", "PHE", null))
                    .contentType("application/json").body(Map.of("note", "New pipe laid"))
                    .post("/api/grievances/" + id + "/resolve").then().statusCode(200);
            KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(id, TestGrievances.json(
                    TestGrievances.feedback(id, "chatbot:wamid.NO2", false, null, "nahi hua"))));
            JsonNode second = Json.mapper().readTree(events.await(2, Duration.ofSeconds(20)).get(1).value());
            assertEquals(3, second.path("level").asInt(), "the collector");
        }
        var history = collector().get("/api/grievances/" + id).jsonPath();
        assertEquals(List.of("REGISTER", "ASSIGN", "RESOLVE", "REJECT_RESOLUTION", "RESOLVE", "REJECT_RESOLUTION"),
                history.getList("grievance.history.action"));
        assertEquals(List.of("CITIZEN", "SYSTEM", "OFFICER", "CITIZEN", "DEPARTMENT_HEAD", "CITIZEN"),
                history.getList("grievance.history.actorRole"));
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
