package org.samadhan.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.routing.directory.DirectorySeed;
import org.samadhan.testsupport.ContractAssertions;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/**
 * Routing end to end through the in-JVM Kafka and embedded PostgreSQL, this test playing grievance-service: it
 * publishes REGISTER and TRANSFER events and reads the ASSIGN commands; and the REST API behind the OIDC test server.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, parallel = true)
class RoutingTest {

    /** The seed directory's auto-route threshold, which this service runs with in the tests. */
    private static final double THRESHOLD = DirectorySeed.seed().autoRouteThreshold();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRegisteredGrievanceIsAssignedToTheDepartmentAndTheBlocksOfficerOnce() throws Exception {
        try (var commands = KafkaTestClient.fromNowOn(Topics.GRIEVANCE_COMMANDS)) {
            GrievanceEvent register = register("हमारे गांव का हैंडपंप 10 दिन से खराब है, पीने का पानी नहीं", null, "Gurur");
            publish(register);
            GrievanceCommand assign = awaitAssign(commands, register.grievanceId());
            assertEquals("PHE", assign.assign().departmentCode());
            assertEquals("phe-gurur", assign.assign().officerId());
            assertEquals("Gurur", assign.assign().block());
            assertEquals("P3D", assign.assign().serviceLevel(), "PHE's service level in the directory");
            assertTrue(assign.assign().confidence() >= THRESHOLD, "confident: " + assign.assign().confidence());
            assertTrue(!assign.assign().reasons().isEmpty());

            publish(register); // redelivered
            assertEquals(List.of(), assigns(commands.drain(Duration.ofSeconds(3)), register.grievanceId()),
                    "routed once");
        }
    }

    @Test
    void theCategoryTheCitizenChoseWinsOverTheText() throws Exception {
        try (var commands = KafkaTestClient.fromNowOn(Topics.GRIEVANCE_COMMANDS)) {
            GrievanceEvent register = register("handpump kharab hai paani nahi aa raha", "ELECTRICITY", "Dondi");
            publish(register);
            GrievanceCommand.Assign assign = awaitAssign(commands, register.grievanceId()).assign();
            assertEquals("ELECTRICITY", assign.departmentCode());
            assertEquals("cspdcl-dondi", assign.officerId());
            assertEquals(1.0, assign.confidence());
            assertEquals(List.of("chosen by the citizen"), assign.reasons());
        }
    }

    @Test
    void aComplaintThatCannotBePlacedConfidentlyGoesToTheDistrictCell() throws Exception {
        try (var commands = KafkaTestClient.fromNowOn(Topics.GRIEVANCE_COMMANDS)) {
            GrievanceEvent register = register("साहब कृपया मेरी मदद कीजिए, बहुत परेशान हूं", null, "Balod");
            publish(register);
            GrievanceCommand.Assign assign = awaitAssign(commands, register.grievanceId()).assign();
            assertEquals("DISTRICT_CELL", assign.departmentCode());
            assertEquals("district-cell", assign.officerId());
            assertTrue(assign.confidence() < THRESHOLD, "unsure: " + assign.confidence());
        }
    }

    @Test
    void theCollectorsDirectoryEditsTakeEffectAtOnceWithoutARestart() throws Exception {
        JsonNode directory = Json.mapper().readTree(given().auth().oauth2(token("collector")).get("/api/directory")
                .then().statusCode(200).extract().asString());
        int version = directory.path("version").asInt();
        ObjectNode forest = (ObjectNode) find(directory.path("directory").path("departments"), "FOREST");
        forest.withArray("vocabulary").add("zorblat");
        ObjectNode phe = (ObjectNode) find(directory.path("directory").path("departments"), "PHE");
        ((ObjectNode) phe.path("officers")).put("Gurur", "phe-gurur-new");
        phe.put("serviceLevel", "PT36H");

        // Only the collector edits; edits name their version; bad entries are refused with the field.
        given().auth().oauth2(token("officer")).contentType("application/json").header("If-Match", version)
                .body(forest.toString()).put("/api/directory/departments/FOREST").then().statusCode(403);
        given().contentType("application/json").body(forest.toString()).put("/api/directory/departments/FOREST")
                .then().statusCode(401);
        given().auth().oauth2(token("collector")).contentType("application/json").body(forest.toString())
                .put("/api/directory/departments/FOREST").then().statusCode(400).body("field", equalTo("If-Match"));
        ObjectNode broken = forest.deepCopy();
        ((ObjectNode) broken.path("officers")).remove("Gurur");
        given().auth().oauth2(token("collector")).contentType("application/json").header("If-Match", version)
                .body(broken.toString()).put("/api/directory/departments/FOREST").then().statusCode(400)
                .body("field", equalTo("officers"));

        given().auth().oauth2(token("collector")).contentType("application/json").header("If-Match", version)
                .body(forest.toString()).put("/api/directory/departments/FOREST").then().statusCode(200)
                .body("version", equalTo(version + 1));
        given().auth().oauth2(token("collector")).contentType("application/json").header("If-Match", version)
                .body(forest.toString()).put("/api/directory/departments/FOREST").then().statusCode(409);
        given().auth().oauth2(token("collector")).contentType("application/json").header("If-Match", version + 1)
                .body(phe.toString()).put("/api/directory/departments/PHE").then().statusCode(400)
                .body("field", equalTo("officers")); // phe-gurur-new is not an official yet
        given().auth().oauth2(token("collector")).contentType("application/json").header("If-Match", version + 1)
                .body(Map.of("id", "phe-gurur-new", "name", "PHE officer, Gurur (new)", "role", "OFFICER",
                        "departmentCode", "PHE", "block", "Gurur", "whatsapp", "917000990001", "language", "hi"))
                .put("/api/directory/officials/phe-gurur-new").then().statusCode(200);
        given().auth().oauth2(token("collector")).contentType("application/json").header("If-Match", version + 2)
                .body(phe.toString()).put("/api/directory/departments/PHE").then().statusCode(200);

        given().contentType("application/json").body(Map.of("text", "zorblat zorblat zorblat"))
                .post("/api/routing/classify").then().statusCode(200).body("department", equalTo("FOREST"));
        try (var commands = KafkaTestClient.fromNowOn(Topics.GRIEVANCE_COMMANDS)) {
            GrievanceEvent register = register("Handpump broken in our village, no drinking water", null, "Gurur");
            publish(register);
            GrievanceCommand.Assign assign = awaitAssign(commands, register.grievanceId()).assign();
            assertEquals("phe-gurur-new", assign.officerId());
            assertEquals("PT36H", assign.serviceLevel(), "the edited service level starts the next grievance's clock");
        }
        // Put the seed's officer and service level back for the other tests.
        ((ObjectNode) phe.path("officers")).put("Gurur", "phe-gurur");
        phe.put("serviceLevel", "P3D");
        given().auth().oauth2(token("collector")).contentType("application/json").header("If-Match", version + 3)
                .body(phe.toString()).put("/api/directory/departments/PHE").then().statusCode(200);
    }

    @Test
    void aTransferTeachesTheClassifier() throws Exception {
        String text = "kolhu ghani mill ka lafda hai, tel nikalne wali machine";
        double before = confidenceFor(text, "LABOUR");
        try (var commands = KafkaTestClient.fromNowOn(Topics.GRIEVANCE_COMMANDS)) {
            GrievanceEvent register = register(text, null, "Gurur");
            publish(register);
            String routedTo = awaitAssign(commands, register.grievanceId()).assign().departmentCode();
            assertNotEquals("LABOUR", routedTo, "the test needs a text the classifier does not place in LABOUR");
            publish(event(register.grievanceId(), 3, "TRANSFER", "LABOUR", null, null, null));
            publish(event(register.grievanceId(), 3, "TRANSFER", "LABOUR", null, null, null)); // redelivered
        }
        Instant deadline = Instant.now().plusSeconds(20);
        while (confidenceFor(text, "LABOUR") <= before && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertTrue(confidenceFor(text, "LABOUR") > before, "learnt from the correction");
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "select count(*) from correction where description = ? and to_department = 'LABOUR'")) {
            s.setString(1, text);
            try (var r = s.executeQuery()) {
                r.next();
                assertEquals(1, r.getInt(1), "recorded once as labelled data");
            }
        }
    }

    @Test
    void classifyAnswersTheContractAndRefusesBadInputClearly() {
        given().contentType("application/json").body(Map.of("text", "3 दिन से लाइट नहीं है"))
                .post("/api/routing/classify").then().statusCode(200)
                .body("department", equalTo("ELECTRICITY"))
                .body("confidence", greaterThan(0.4f))
                .body("autoRoute", equalTo(true))
                .body("routedTo", equalTo("ELECTRICITY"))
                .body("alternatives", hasSize(3))
                .body("alternatives[0].department", not(equalTo("ELECTRICITY")))
                .body("reasons", hasItem("लाइट")); // the words as the citizen wrote them
        given().contentType("application/json").body(Map.of("text", "bijlee nhi h 3 din se, trasformer jal gya"))
                .post("/api/routing/classify").then().statusCode(200)
                .body("department", equalTo("ELECTRICITY")).body("autoRoute", equalTo(true))
                .body("reasons", hasItem("bijlee"));
        given().contentType("application/json").body(Map.of("text", "")).post("/api/routing/classify").then()
                .statusCode(400).body("field", equalTo("text"));
        given().contentType("application/json").body("{}").post("/api/routing/classify").then().statusCode(400)
                .body("field", equalTo("text"));
        given().contentType("application/json").body(Map.of("text", "पानी ".repeat(20_000)))
                .post("/api/routing/classify").then().statusCode(400).body("error", startsWith("text is longer"));
        given().contentType("application/json").body("{\"text\": ").post("/api/routing/classify").then()
                .statusCode(400).body("field", equalTo("body"))
                .body("error", startsWith("The body is not the expected JSON"));
        given().contentType("application/json").body("[1, 2]").post("/api/routing/classify").then()
                .statusCode(400).body("error", startsWith("The body is not the expected JSON"));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static double confidenceFor(String text, String department) {
        var answer = given().contentType("application/json").body(Map.of("text", text))
                .post("/api/routing/classify").then().statusCode(200).extract().jsonPath();
        if (department.equals(answer.getString("department"))) {
            return answer.getDouble("confidence");
        }
        List<Map<String, Object>> alternatives = answer.getList("alternatives");
        return alternatives.stream().filter(a -> department.equals(a.get("department")))
                .mapToDouble(a -> ((Number) a.get("confidence")).doubleValue()).findFirst().orElse(0.0);
    }

    private static GrievanceEvent register(String description, String category, String block) {
        return event(UUID.randomUUID().toString(), 1, "REGISTER", null, block, description, category);
    }

    private static GrievanceEvent event(String id, long version, String action, String department, String block,
                                        String description, String category) {
        return new GrievanceEvent(UUID.nameUUIDFromBytes((id + "/" + version).getBytes()).toString(),
                GrievanceEvent.eventTypeOf(action), Instant.now(), "BLD", id, "BLD-2026-000" + (100 + version),
                version, action, null, "REGISTER".equals(action) ? "REGISTERED" : "ASSIGNED",
                new GrievanceEvent.Actor("cz-1", "CITIZEN"), "TRANSFER".equals(action) ? "not ours" : null, "cz-1",
                "hi", department, block, null, 1, null, null, description, category);
    }

    private static void publish(GrievanceEvent event) throws Exception {
        KafkaTestClient.produce(Topics.GRIEVANCE_EVENTS, Map.of(event.grievanceId(),
                Json.mapper().writeValueAsString(event)));
    }

    private static GrievanceCommand awaitAssign(KafkaTestClient commands, String grievanceId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            List<GrievanceCommand> found = assigns(commands.poll(Duration.ofMillis(200)), grievanceId);
            if (!found.isEmpty()) {
                return found.get(0);
            }
        }
        throw new AssertionError("No ASSIGN for " + grievanceId);
    }

    private static List<GrievanceCommand> assigns(List<ConsumerRecord<String, String>> records, String grievanceId)
            throws Exception {
        var result = new java.util.ArrayList<GrievanceCommand>();
        for (var record : records) {
            if (grievanceId.equals(record.key())) {
                ContractAssertions.assertHonoursContract(record);
                result.add(Json.mapper().readValue(record.value(), GrievanceCommand.class));
            }
        }
        return result;
    }

    private static JsonNode find(JsonNode departments, String code) {
        for (JsonNode d : departments) {
            if (code.equals(d.path("code").asText())) {
                return d;
            }
        }
        throw new AssertionError("no " + code);
    }

    private static String token(String role) {
        return Jwt.preferredUserName(role + "-user").subject(role + "-user").groups(Set.of(role))
                .issuer("https://server.example.com").audience("routing-service")
                .jws().keyId("1").sign("privateKey.jwk");
    }
}
