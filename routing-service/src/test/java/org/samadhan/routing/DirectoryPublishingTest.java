package org.samadhan.routing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.directory.DirectoryEvent;
import org.samadhan.contracts.directory.DistrictDirectory;
import org.samadhan.routing.config.RoutingConfig;
import org.samadhan.routing.directory.Directory;
import org.samadhan.testsupport.ContractAssertions;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/**
 * The directory as the other services receive it: every edit reaches {@code routing.directory.v1} as a new version,
 * and two instances editing one after the other never undo each other's edits.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, parallel = true)
class DirectoryPublishingTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    RoutingConfig config;

    @Inject
    Directory directory;

    @Test
    void anEditThroughOneInstanceSurvivesTheNextEditThroughAnotherThatHadNotReloadedYet() throws Exception {
        Directory other = new Directory(dataSource, config); // a second instance on the same database
        int version = directory.current().version();
        DistrictDirectory.Department forest = directory.current().data().department("FOREST").orElseThrow();
        DistrictDirectory.Department pwd = directory.current().data().department("PWD").orElseThrow();

        // The collector edits FOREST through this instance...
        assertTrue(directory.replace(withServiceLevel(forest, "P10D"), version, "collector"));
        // ...then, having reloaded the page (version + 1), PWD through the other, which has not reloaded yet.
        assertTrue(other.replace(withServiceLevel(pwd, "P20D"), version + 1, "collector"));

        directory.reload();
        DistrictDirectory now = directory.current().data();
        assertEquals(List.of("P10D", "P20D"), List.of(now.department("FOREST").orElseThrow().serviceLevel(),
                now.department("PWD").orElseThrow().serviceLevel()), "both edits kept");
        assertEquals(version + 2, directory.current().version());
        // A stale version is still refused, on either instance.
        assertTrue(!other.replace(withServiceLevel(pwd, "P1D"), version, "collector"));

        assertTrue(directory.replace(forest, version + 2, "collector"));
        assertTrue(directory.replace(pwd, version + 3, "collector"));
    }

    @Test
    void everyVersionIsPublishedOnceOnTheCompactedTopicKeyedByDistrict() throws Exception {
        try (var topic = KafkaTestClient.fromNowOn(Topics.ROUTING_DIRECTORY)) {
            JsonNode current = Json.mapper().readTree(given().auth().oauth2(collector()).get("/api/directory")
                    .then().statusCode(200).extract().asString());
            int version = current.path("version").asInt();
            var official = new DistrictDirectory.Official("cspdcl-gurur", "Electricity officer, Gurur", "OFFICER",
                    "ELECTRICITY", "Gurur", "917000031999", "en");
            given().auth().oauth2(collector()).contentType("application/json").header("If-Match", version)
                    .body(Json.mapper().writeValueAsString(official))
                    .put("/api/directory/officials/cspdcl-gurur").then().statusCode(200);

            List<DirectoryEvent> published = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(20);
            while (published.stream().noneMatch(e -> e.version() == version + 1) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : topic.poll(Duration.ofMillis(200))) {
                    ContractAssertions.assertHonoursContract(record);
                    assertEquals("BLD", record.key());
                    published.add(Json.mapper().readValue(record.value(), DirectoryEvent.class));
                }
            }
            for (ConsumerRecord<String, String> record : topic.drain(Duration.ofSeconds(2))) {
                published.add(Json.mapper().readValue(record.value(), DirectoryEvent.class));
            }
            List<DirectoryEvent> edited = published.stream().filter(e -> e.version() == version + 1).toList();
            assertEquals(1, edited.size(), "published once: " + published);
            assertEquals("917000031999", edited.get(0).directory().official("cspdcl-gurur").orElseThrow().whatsapp());
            assertEquals("P2D", edited.get(0).directory().department("ELECTRICITY").orElseThrow().serviceLevel());
        }
    }

    @Test
    void anOfficialWithoutAUsableNumberIsRefusedNamingTheField() throws Exception {
        int version = directory.current().version();
        given().auth().oauth2(collector()).contentType("application/json").header("If-Match", version)
                .body("{\"id\":\"phe-gurur\",\"name\":\"PHE officer\",\"role\":\"OFFICER\",\"departmentCode\":\"PHE\","
                        + "\"block\":\"Gurur\",\"whatsapp\":\"+91 98765\",\"language\":\"hi\"}")
                .put("/api/directory/officials/phe-gurur").then().statusCode(400)
                .body("field", org.hamcrest.Matchers.equalTo("whatsapp"));
        assertEquals(version, directory.current().version());
    }

    @Test
    void aTokenIssuedForAnotherServiceIsRefused() {
        String elsewhere = Jwt.preferredUserName("collector").subject("collector").groups(Set.of("collector"))
                .issuer("https://server.example.com").audience("grievance-service").jws().keyId("1")
                .sign("privateKey.jwk");
        given().auth().oauth2(elsewhere).get("/api/directory").then().statusCode(401);
        given().auth().oauth2(collector()).get("/api/directory").then().statusCode(200);
    }

    private static DistrictDirectory.Department withServiceLevel(DistrictDirectory.Department d, String level) {
        return new DistrictDirectory.Department(d.code(), d.name(), level, d.officers(), d.escalation(),
                d.vocabulary());
    }

    private static String collector() {
        return Jwt.preferredUserName("collector").subject("collector").groups(Set.of("collector"))
                .issuer("https://server.example.com").audience("routing-service")
                .jws().keyId("1").sign("privateKey.jwk");
    }
}
