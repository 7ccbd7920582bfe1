package org.samadhan.grievance.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.directory.DistrictDirectory;
import org.samadhan.testsupport.TestDirectory;
import org.samadhan.contracts.CloudEventHeaders;
import org.samadhan.contracts.DeadLetterHeaders;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.testsupport.ContractAssertions;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/** Routing's ASSIGN command: department, officer, deadline from the department's service level; refusals visible. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, parallel = true)
class AssignmentTest {

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void directory() throws Exception {
        TestDirectory.ensurePublished(dataSource);
    }

    @Test
    void assignmentStartsTheDeadlineFromTheDepartmentsServiceLevel() throws IOException {
        String id = UUID.randomUUID().toString();
        try (var events = KafkaTestClient.fromNowOn(Topics.GRIEVANCE_EVENTS).onlyKeys(id)) {
            KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(id, register(id)));
            events.await(1, Duration.ofSeconds(20));
            Instant assignedAround = Instant.now();
            KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(id, assign(id, "routing:" + id, "ELECTRICITY")));
            var record = events.await(1, Duration.ofSeconds(20)).get(0);
            ContractAssertions.assertHonoursContract(record);
            JsonNode event = Json.mapper().readTree(record.value());
            assertEquals("ASSIGN", event.path("action").asText());
            assertEquals("REGISTERED", event.path("fromStatus").asText());
            assertEquals("ASSIGNED", event.path("toStatus").asText());
            assertEquals(2, event.path("version").asInt());
            assertEquals("ELECTRICITY", event.path("departmentCode").asText());
            assertEquals("electricity-gurur-l1", event.path("officerId").asText());
            assertEquals("SYSTEM", event.path("actor").path("role").asText());
            assertEquals("bijli; transformer", event.path("reason").asText());
            Duration sla = Duration.between(assignedAround, Instant.parse(event.path("dueAt").asText()));
            assertTrue(sla.minus(Duration.ofHours(48)).abs().compareTo(Duration.ofMinutes(1)) < 0,
                    "ELECTRICITY has 48 hours, got " + sla);
        }
    }

    @Test
    void anAssignmentTheWorkflowRefusesIsDeadLetteredWithTheReasonAndChangesNothing() throws IOException {
        String id = UUID.randomUUID().toString();
        try (var events = KafkaTestClient.fromNowOn(Topics.GRIEVANCE_EVENTS).onlyKeys(id);
             var dlq = KafkaTestClient.fromNowOn(Topics.deadLetter(Topics.GRIEVANCE_COMMANDS))) {
            KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(id, register(id)));
            KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(id, assign(id, "routing:1:" + id, "PHE")));
            events.await(2, Duration.ofSeconds(20));

            KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(id, assign(id, "routing:2:" + id, "PWD")));
            var dead = dlq.await(1, Duration.ofSeconds(20)).get(0);
            assertEquals("ASSIGN is not possible while the grievance is ASSIGNED",
                    CloudEventHeaders.get(dead.headers(), DeadLetterHeaders.REASON));
            assertEquals(List.of(), events.drain(Duration.ofSeconds(2)));

            String unknown = UUID.randomUUID().toString();
            KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(unknown, assign(unknown, "routing:" + unknown, "PHE")));
            assertEquals("No grievance " + unknown,
                    CloudEventHeaders.get(dlq.await(1, Duration.ofSeconds(20)).get(0).headers(), DeadLetterHeaders.REASON));
        }
    }

    @Test
    void theServiceLevelRoutingReadInTheDirectoryStartsTheClock() throws IOException {
        String id = UUID.randomUUID().toString();
        try (var events = KafkaTestClient.fromNowOn(Topics.GRIEVANCE_EVENTS).onlyKeys(id)) {
            KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(id, register(id)));
            events.await(1, Duration.ofSeconds(20));
            Instant assignedAround = Instant.now();
            KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(id, Json.mapper().writeValueAsString(
                    new GrievanceCommand("routing:" + id, GrievanceCommand.CommandType.ASSIGN, Instant.now(), "BLD", id,
                            "routing-service", null, new GrievanceCommand.Assign("ELECTRICITY", "Gurur",
                            "electricity-gurur-l1", 0.9, List.of("bijli"), "PT6H"), null))));
            JsonNode event = Json.mapper().readTree(events.await(1, Duration.ofSeconds(20)).get(0).value());
            Duration sla = Duration.between(assignedAround, Instant.parse(event.path("dueAt").asText()));
            assertTrue(sla.minus(Duration.ofHours(6)).abs().compareTo(Duration.ofMinutes(1)) < 0, "6 h, got " + sla);
        }
    }

    @Test
    void aDirectoryEditReachesAssignmentsWithoutARestart() throws Exception {
        var edited = TestDirectory.directory();
        var departments = new java.util.ArrayList<>(edited.departments());
        departments.replaceAll(d -> d.code().equals("HEALTH") ? new DistrictDirectory.Department(d.code(), d.name(),
                "PT12H", d.officers(), d.escalation(), d.vocabulary()) : d);
        TestDirectory.publish(dataSource, 2, new DistrictDirectory(edited.district(), edited.blocks(),
                edited.autoRouteThreshold(), edited.escalatedServiceLevel(), departments, edited.officials()));
        try {
            String id = UUID.randomUUID().toString();
            try (var events = KafkaTestClient.fromNowOn(Topics.GRIEVANCE_EVENTS).onlyKeys(id)) {
                KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(id, register(id)));
                events.await(1, Duration.ofSeconds(20));
                Instant assignedAround = Instant.now();
                KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(id, assign(id, "routing:" + id, "HEALTH")));
                JsonNode event = Json.mapper().readTree(events.await(1, Duration.ofSeconds(20)).get(0).value());
                Duration sla = Duration.between(assignedAround, Instant.parse(event.path("dueAt").asText()));
                assertTrue(sla.minus(Duration.ofHours(12)).abs().compareTo(Duration.ofMinutes(1)) < 0,
                        "HEALTH now has 12 h, got " + sla);
            }
            // An older version arriving late changes nothing.
            TestDirectory.publish(dataSource, 1, TestDirectory.directory());
            try (var c = dataSource.getConnection(); var st = c.prepareStatement(
                    "select version from directory_copy where district_code = 'BLD'"); var r = st.executeQuery()) {
                r.next();
                assertEquals(2, r.getInt(1));
            }
        } finally {
            TestDirectory.publish(dataSource, 3, TestDirectory.directory()); // as the other tests expect
        }
    }

    private static String register(String id) throws IOException {
        return Json.mapper().writeValueAsString(new GrievanceCommand("chatbot:" + id, GrievanceCommand.CommandType.REGISTER,
                Instant.now(), "BLD", id, "test", new GrievanceCommand.Register("cz-test", "919876543210", "en",
                "No electricity for 3 days, transformer burnt", null, null, null), null, null));
    }

    private static String assign(String id, String commandId, String department) throws IOException {
        return Json.mapper().writeValueAsString(new GrievanceCommand(commandId, GrievanceCommand.CommandType.ASSIGN,
                Instant.now(), "BLD", id, "routing-service", null, new GrievanceCommand.Assign(department, "Gurur",
                TestDirectory.officer(department, "Gurur"), 0.94, List.of("bijli", "transformer")), null));
    }
}
