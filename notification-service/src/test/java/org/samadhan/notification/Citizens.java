package org.samadhan.notification;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.awaitility.Awaitility;
import org.samadhan.contracts.CitizenRefs;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.contracts.whatsapp.MessagingPreference;
import org.samadhan.contracts.whatsapp.OutboundMessage;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.WhatsAppWorld;

/** Test helpers: citizens writing through the sandbox, events as other services publish them, what phones show. */
final class Citizens {

    static final String REF_KEY = "test-citizen-ref-key-0123456789";

    private Citizens() {
    }

    /** A fresh Indian mobile number, 91 and ten digits starting with 9 as most do. */
    static String newCitizen() {
        return "9197" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
    }

    /** A sandbox fault (see its README), e.g. {@code {"delayMillis": 15000, "rate": 1.0}}, until clearFaults. */
    static void fault(Map<String, Object> fault) {
        given().baseUri(WhatsAppWorld.sandboxUrl()).contentType("application/json").body(fault)
                .post("/sandbox/faults").then().statusCode(204);
    }

    static void clearFaults() {
        given().baseUri(WhatsAppWorld.sandboxUrl()).delete("/sandbox/faults").then().statusCode(204);
    }

    /** Runs SQL of the test's own on the service's database (triggers that play a database refusing work). */
    static void execute(AgroalDataSource dataSource, String sql) throws SQLException {
        try (var c = dataSource.getConnection(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String ref(String waId) {
        return CitizenRefs.of(waId, REF_KEY);
    }

    /**
     * The citizen writes to the district's number, through the sandbox and the gateway; returns WhatsApp's id of the
     * message (which carries the citizen's number, as real ones do).
     */
    static String writes(String waId, String text) {
        return given().baseUri(WhatsAppWorld.sandboxUrl()).contentType("application/json")
                .body(Map.of("type", "text", "text", Map.of("body", text)))
                .post("/sandbox/citizens/" + waId + "/messages").then().statusCode(202).extract().path("id");
    }

    /**
     * The citizen asks for no more news ("STOP" through the sandbox and the gateway) and chatbot-service, which
     * decides what words mean, publishes their opt-out on whatsapp.preferences.v1, as it does for that message.
     */
    static void optsOut(String waId) {
        String messageId = writes(waId, "STOP");
        var optOut = new MessagingPreference(MessagingPreference.eventIdFor(messageId), MessagingPreference.EVENT_TYPE,
                Instant.now(), "BLD", waId, ref(waId), MessagingPreference.Choice.OPT_OUT, messageId, "hi");
        KafkaTestClient.produce(Topics.WHATSAPP_PREFERENCES, Map.of(waId, json(optOut)));
    }

    /** A citizen's message as the gateway publishes it on whatsapp.inbound.v1, written at {@code at}. */
    static Map<String, Object> inbound(String citizen, String messageId, Instant at) {
        Map<String, Object> event = new HashMap<>();
        event.put("eventId", UUID.nameUUIDFromBytes(messageId.getBytes(StandardCharsets.UTF_8)).toString());
        event.put("eventType", "org.samadhan.whatsapp.message.received.v1");
        event.put("occurredAt", at.toString());
        event.put("receivedAt", Instant.now().toString());
        event.put("districtCode", "BLD");
        event.put("messageId", messageId);
        event.put("citizenId", citizen);
        event.put("waId", citizen);
        event.put("phoneNumberId", WhatsAppWorld.PHONE_NUMBER_ID);
        event.put("type", "text");
        event.put("providerType", "text");
        event.put("text", Map.of("body", "hello"));
        return event;
    }

    /** Publishes citizens' messages as the gateway does, keyed by the citizen, in this order. */
    @SafeVarargs
    static void publishInbound(Map<String, Object>... events) {
        for (Map<String, Object> event : events) {
            KafkaTestClient.produce(Topics.WHATSAPP_INBOUND, Map.of((String) event.get("citizenId"), json(event)));
        }
    }

    /**
     * The outbound id as notification.deliveries.v1 and the logs may show it, computed here from its definition
     * (HMAC-SHA256 over "outbound-id:" and the id, keyed with CITIZEN_REF_KEY; "out-" and the first 16 bytes in hex).
     */
    static String published(String outboundId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(REF_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("outbound-id:" + outboundId).getBytes(StandardCharsets.UTF_8));
            return "out-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
