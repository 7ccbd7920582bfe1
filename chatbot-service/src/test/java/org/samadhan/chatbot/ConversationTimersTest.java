package org.samadhan.chatbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.CitizenRefs;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;
import org.samadhan.testsupport.WhatsAppIds;

/**
 * The conversation timers keep working for everyone when one conversation cannot be handled: the others' "not
 * satisfied" answers still go out, handled message ids are still forgotten after their retention, and the bad one is
 * counted and logged without the citizen's number.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
class ConversationTimersTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void oneUnreadableConversationDoesNotStopTheTimersForTheOthers() throws Exception {
        Instant longAgo = Instant.now().minus(Duration.ofHours(1));
        String bad = "919812340001";
        String sunita = "919812340002";
        String ramesh = "919812340003";
        String sunitasGrievance = UUID.randomUUID().toString();
        String rameshsGrievance = UUID.randomUUID().toString();
        String forgotten = WhatsAppIds.messageId(sunita);
        String remembered = WhatsAppIds.messageId(ramesh);
        try (var kafka = KafkaTestClient.fromNowOn(Topics.GRIEVANCE_COMMANDS)) {
            try (Connection c = dataSource.getConnection()) {
                // The oldest wait, so it comes first; its stored draft cannot be read.
                awaitingReason(c, bad, UUID.randomUUID().toString(), "[1, 2, 3]", longAgo.minusSeconds(60));
                awaitingReason(c, sunita, sunitasGrievance, null, longAgo);
                awaitingReason(c, ramesh, rameshsGrievance, null, longAgo.plusSeconds(1));
                handled(c, forgotten, Instant.now().minus(Duration.ofDays(15)));
                handled(c, remembered, Instant.now().minus(Duration.ofDays(1)));
            }
            try {
                List<String> answered = new ArrayList<>();
                Instant deadline = Instant.now().plusSeconds(20);
                while (answered.size() < 2 && Instant.now().isBefore(deadline)) {
                    answered.addAll(feedbackOn(kafka.poll(Duration.ofMillis(200)), sunitasGrievance,
                            rameshsGrievance));
                }
                answered.addAll(feedbackOn(kafka.drain(Duration.ofSeconds(2)), sunitasGrievance, rameshsGrievance));
                assertEquals(List.of(sunitasGrievance, rameshsGrievance).stream().sorted().toList(),
                        answered.stream().sorted().toList(), "each good conversation's answer sent once, no reason");

                assertEquals("FEEDBACK_REASON", stepOf(bad), "the bad one is left as it was, retried each tick");
                assertEquals("IDLE", stepOf(sunita));
                assertNull(processedAt(forgotten), "handled 15 days ago: forgotten (retention 14 days)");
                assertTrue(processedAt(remembered) != null, "handled yesterday: still remembered");

                String metrics = io.restassured.RestAssured.get("/q/metrics").asString();
                assertTrue(metrics.matches("(?s).*chatbot_timer_failures_total\\{timer=\"feedback_reason\"} [1-9].*"),
                        "counted");
                String log = Files.readString(Path.of("target/chatbot-test.log"));
                assertTrue(log.contains("failed for the conversation of ********0001 ("
                        + CitizenRefs.of(bad, Citizen.REF_KEY) + ")"), "logged by masked number and reference");
                assertNull(WhatsAppIds.leakIn(log, bad), "no form of the number in the log");
            } finally {
                try (Connection c = dataSource.getConnection();
                     PreparedStatement s = c.prepareStatement("delete from conversation where wa_id = ?")) {
                    s.setString(1, bad);
                    s.executeUpdate();
                }
            }
        }
    }

    /** A conversation waiting since {@code since} for the reason of a "not satisfied" on a resolved grievance. */
    private static void awaitingReason(Connection c, String waId, String grievanceId, String draft, Instant since)
            throws SQLException {
        String ref = CitizenRefs.of(waId, Citizen.REF_KEY);
        try (PreparedStatement s = c.prepareStatement("insert into conversation (wa_id, citizen_ref, language, step, "
                + "draft, feedback_grievance_id, started_at, updated_at) "
                + "values (?, ?, 'hi', 'FEEDBACK_REASON', cast(? as jsonb), ?, ?, ?)")) {
            s.setString(1, waId);
            s.setString(2, ref);
            s.setString(3, draft);
            s.setObject(4, UUID.fromString(grievanceId));
            s.setTimestamp(5, Timestamp.from(since));
            s.setTimestamp(6, Timestamp.from(since));
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement("insert into citizen_grievance (grievance_id, citizen_ref, "
                + "grievance_number, status, department_code, version, summary, submitted_at, updated_at) "
                + "values (?, ?, 'BLD-2026-000950', 'RESOLVED', 'PHE', 3, 'हैंडपंप खराब है', ?, ?)")) {
            s.setObject(1, UUID.fromString(grievanceId));
            s.setString(2, ref);
            s.setTimestamp(3, Timestamp.from(since));
            s.setTimestamp(4, Timestamp.from(since));
            s.executeUpdate();
        }
    }

    private static void handled(Connection c, String messageId, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "insert into processed_message (message_id, processed_at) values (?, ?)")) {
            s.setString(1, messageId);
            s.setTimestamp(2, Timestamp.from(at));
            s.executeUpdate();
        }
    }

    /** Grievance ids of the feedback commands (without a reason) on these grievances, in order published. */
    private static List<String> feedbackOn(List<ConsumerRecord<String, String>> records, String... grievanceIds)
            throws Exception {
        List<String> ids = new ArrayList<>();
        for (var record : records) {
            GrievanceCommand command = Json.mapper().readValue(record.value(), GrievanceCommand.class);
            if (command.commandType() == GrievanceCommand.CommandType.SUBMIT_FEEDBACK
                    && List.of(grievanceIds).contains(command.grievanceId())) {
                assertNull(command.feedback().reason());
                ids.add(command.grievanceId());
            }
        }
        return ids;
    }

    private String stepOf(String waId) throws SQLException {
        return one("select step from conversation where wa_id = ?", waId);
    }

    private String processedAt(String messageId) throws SQLException {
        return one("select processed_at::text from processed_message where message_id = ?", messageId);
    }

    private String one(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
