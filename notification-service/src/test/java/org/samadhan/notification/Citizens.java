package org.samadhan.notification;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.restassured.path.json.JsonPath;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.samadhan.contracts.CitizenRefs;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.contracts.whatsapp.OutboundMessage;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.WhatsAppWorld;

/** Test helpers: citizens writing through the sandbox, events as other services publish them, what phones show. */
final class Citizens {

    static final String REF_KEY = "test-citizen-ref-key-0123456789";

    private Citizens() {
    }

    static String newCitizen() {
        return "9197" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
    }

    static String ref(String waId) {
        return CitizenRefs.of(waId, REF_KEY);
    }

    /** The citizen writes to the district's number, through the sandbox and the gateway. */
    static void writes(String waId, String text) {
        given().baseUri(WhatsAppWorld.sandboxUrl()).contentType("application/json")
                .body(Map.of("type", "text", "text", Map.of("body", text)))
                .post("/sandbox/citizens/" + waId + "/messages").then().statusCode(202);
    }

    /** Waits until notification-service has seen the citizen's message (their window is open to it). */
    static void awaitKnown(AgroalDataSource dataSource, String waId) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> query(dataSource,
                "select count(*) from citizen where wa_id = ? and last_inbound_at is not null", waId) == 1);
    }

    /** What the citizen's phone shows as sent to them: the send requests as the sandbox received them. */
    static List<Map<String, Object>> received(String waId) {
        JsonPath conversation = given().baseUri(WhatsAppWorld.sandboxUrl())
                .get("/sandbox/citizens/" + waId + "/messages").jsonPath();
        return conversation.<Map<String, Object>>getList("findAll { it.direction == 'out' }.message");
    }

    static void reply(String outboundId, String waId, String replyTo, OutboundMessage.Content content) {
        var message = new OutboundMessage(outboundId, OutboundMessage.EVENT_TYPE, Instant.now(), "BLD", waId, "hi",
                false, replyTo, content);
        KafkaTestClient.produce(Topics.WHATSAPP_OUTBOUND, Map.of(waId, json(message)));
    }

    static GrievanceEvent event(String grievanceId, int version, String action, String toStatus, String citizenRef,
                                String language, String department, String reason, Integer level) {
        return new GrievanceEvent(UUID.randomUUID().toString(), GrievanceEvent.eventTypeOf(action), Instant.now(),
                "BLD", grievanceId, "BLD-2026-000" + (100 + version), version, action, null, toStatus,
                new GrievanceEvent.Actor("x", "SYSTEM"), reason, citizenRef, language, department, "Gurur", null,
                level, Instant.parse("2026-12-03T06:00:00Z"), null, null, null);
    }

    static void publish(GrievanceEvent... events) {
        for (GrievanceEvent event : events) {
            KafkaTestClient.produce(Topics.GRIEVANCE_EVENTS, Map.of(event.grievanceId(), json(event)));
        }
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static long query(AgroalDataSource dataSource, String sql, Object... parameters) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    static String state(AgroalDataSource dataSource, String outboundId) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                "select state from outbound_message where outbound_id = ?")) {
            s.setString(1, outboundId);
            try (var r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
