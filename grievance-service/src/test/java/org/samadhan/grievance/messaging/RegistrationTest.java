package org.samadhan.grievance.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.CloudEventHeaders;
import org.samadhan.contracts.DeadLetterHeaders;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.testsupport.ContractAssertions;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/** Registration end to end: command on Kafka, grievance in PostgreSQL, event on Kafka through the outbox. */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, parallel = true)
class RegistrationTest {

    private static final String YEAR = String.valueOf(Instant.now().atZone(ZoneId.of("Asia/Kolkata")).getYear());

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRegisterCommandBecomesANumberedGrievanceAndOneContractValidEvent() throws IOException {
        String grievanceId = UUID.randomUUID().toString();
        try (var events = KafkaTestClient.fromNowOn(Topics.GRIEVANCE_EVENTS).onlyKeys(grievanceId)) {
            KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(grievanceId, register("cmd-" + grievanceId, grievanceId)));
            var record = events.await(1, Duration.ofSeconds(20)).get(0);
            ContractAssertions.assertHonoursContract(record);
            JsonNode event = Json.mapper().readTree(record.value());
            assertEquals(grievanceId, record.key(), "keyed by grievance, so its history stays in order");
            assertEquals("REGISTER", event.path("action").asText());
            assertEquals("REGISTERED", event.path("toStatus").asText());
            assertEquals(1, event.path("version").asInt());
            assertTrue(event.path("grievanceNumber").asText().matches("BLD-" + YEAR + "-\\d{6}"), event.toString());
            assertEquals("cz-test", event.path("citizenRef").asText());
            assertTrue(!record.value().contains("919876543210"), "no phone number on the integrator topic");
            assertEquals("BLD", CloudEventHeaders.get(record.headers(), CloudEventHeaders.DISTRICT));
        }
    }

    @Test
    void aRedeliveredCommandChangesNothingAndPublishesNothing() throws SQLException {
        String grievanceId = UUID.randomUUID().toString();
        String command = register("cmd-" + grievanceId, grievanceId);
        try (var events = KafkaTestClient.fromNowOn(Topics.GRIEVANCE_EVENTS).onlyKeys(grievanceId)) {
            KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(grievanceId, command));
            events.await(1, Duration.ofSeconds(20));
            KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(grievanceId, command));
            KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of(grievanceId, command));
            assertEquals(List.of(), events.drain(Duration.ofSeconds(3)));
        }
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "select count(*) from grievance_history where grievance_id = ?")) {
            s.setObject(1, UUID.fromString(grievanceId));
            try (var r = s.executeQuery()) {
                r.next();
                assertEquals(1, r.getInt(1));
            }
        }
    }

    @Test
    void concurrentRegistrationsGetDistinctNumbers() throws IOException {
        Map<String, String> commands = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            String id = UUID.randomUUID().toString();
            commands.put(id, register("cmd-" + id, id));
        }
        try (var events = KafkaTestClient.fromNowOn(Topics.GRIEVANCE_EVENTS).onlyKeys(commands.keySet())) {
            KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, commands);
            Set<String> numbers = new TreeSet<>();
            for (var record : events.await(40, Duration.ofSeconds(30))) {
                numbers.add(Json.mapper().readTree(record.value()).path("grievanceNumber").asText());
            }
            assertEquals(40, numbers.size(), "distinct numbers: " + numbers);
        }
    }

    @Test
    void unreadableOrUnhandledCommandsGoToTheDeadLetterTopicWithTheReason() {
        try (var dlq = KafkaTestClient.fromNowOn(Topics.deadLetter(Topics.GRIEVANCE_COMMANDS))) {
            KafkaTestClient.produce(Topics.GRIEVANCE_COMMANDS, Map.of("k1", "this is not json"));
            var dead = dlq.await(1, Duration.ofSeconds(20)).get(0);
            assertEquals("this is not json", dead.value());
            assertTrue(CloudEventHeaders.get(dead.headers(), DeadLetterHeaders.REASON).contains("not a grievance command"),
                    CloudEventHeaders.get(dead.headers(), DeadLetterHeaders.REASON));
        }
    }

    @Test
    void historyRefusesChangesAndDeletion() throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("update grievance_history set reason = 'edited'"));
            assertThrows(SQLException.class, () -> s.executeUpdate("delete from grievance_history"));
        }
    }

    private static String register(String commandId, String grievanceId) {
        var command = new GrievanceCommand(commandId, GrievanceCommand.CommandType.REGISTER, Instant.now(), "BLD",
                grievanceId, "test", new GrievanceCommand.Register("cz-test", "919876543210", "hi",
                "हैंडपंप 10 दिन से खराब है", null, new GrievanceCommand.Location(null, null, "Gurur", "Arjunda"), null),
                null, null);
        try {
            return Json.mapper().writeValueAsString(command);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
