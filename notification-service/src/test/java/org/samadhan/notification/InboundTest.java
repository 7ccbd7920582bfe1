package org.samadhan.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.Json;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;
import org.samadhan.testsupport.WhatsAppIds;
import org.samadhan.testsupport.WhatsAppWorld;

/**
 * What citizens' own messages change for sending, as WhatsApp delivers them (at least once, not always in order):
 * STOP / START by their message time, and a change of WhatsApp id, after which news of their grievances follows them.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = WhatsAppWorld.class)
class InboundTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anOldStopRedeliveredOrArrivingLateDoesNotUndoANewerStartButANewStopDoes() throws Exception {
        String citizen = Citizens.newCitizen();
        Citizens.writes(citizen, "namaste"); // through the sandbox: its window is open there too
        Citizens.awaitKnown(dataSource, citizen);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS); // WhatsApp's times are whole seconds
        Map<String, Object> stop = text(Citizens.inbound(citizen, WhatsAppIds.messageId(citizen),
                now.minus(Duration.ofMinutes(10))), "STOP");
        Map<String, Object> start = text(Citizens.inbound(citizen, WhatsAppIds.messageId(citizen),
                now.minus(Duration.ofMinutes(8))), "START");
        Map<String, Object> olderStop = text(Citizens.inbound(citizen, WhatsAppIds.messageId(citizen),
                now.minus(Duration.ofMinutes(12))), "STOP"); // its first delivery failed at the gateway: late
        Citizens.publishInbound(stop, start, stop, olderStop); // the STOP again: WhatsApp redelivered it
        awaitHandled(citizen, now.plusSeconds(60));

        String grievance = UUID.randomUUID().toString();
        Citizens.publish(Citizens.event(grievance, 2, "ASSIGN", "ASSIGNED", Citizens.ref(citizen), "en", "PHE", null,
                1));
        await().atMost(PATIENCE).until(() -> List.of("READ", "SKIPPED").contains(
                String.valueOf(Citizens.state(dataSource, "grievance:" + grievance + ":2"))));
        assertEquals("READ", Citizens.state(dataSource, "grievance:" + grievance + ":2"), "START was the last word");
        assertEquals(1, Citizens.received(citizen).size());

        Citizens.publishInbound(text(Citizens.inbound(citizen, WhatsAppIds.messageId(citizen), now), "STOP"));
        awaitHandled(citizen, now.plusSeconds(120));
        Citizens.publish(Citizens.event(grievance, 3, "ACKNOWLEDGE", "IN_PROGRESS", Citizens.ref(citizen), "en",
                "PHE", null, 1));
        await().atMost(PATIENCE).until(() -> "SKIPPED".equals(
                Citizens.state(dataSource, "grievance:" + grievance + ":3")));
        assertEquals(1, Citizens.received(citizen).size(), "a newer STOP still opts out");
    }

    @Test
    void afterAChangeOfWhatsAppIdNewsOfTheirGrievanceGoesToTheNewId() throws Exception {
        String phone = Citizens.newCitizen();
        String userId = "IN." + Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000_000_000L);
        // The citizen filed (grievances name them by the reference of this number) and last wrote two days ago.
        Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
        Citizens.publishInbound(Citizens.inbound(phone, WhatsAppIds.messageId(phone), twoDaysAgo));
        Citizens.awaitKnown(dataSource, phone);

        // WhatsApp's notice, as the gateway publishes it: the message's citizen is the old id, system.user_id the new.
        Map<String, Object> changed = Citizens.inbound(phone, WhatsAppIds.messageId(phone), Instant.now());
        changed.remove("text");
        changed.put("type", "system");
        changed.put("providerType", "system");
        changed.put("system", Map.of("body", "User A changed from " + phone + " to " + userId,
                "type", "user_changed_user_id", "user_id", userId));
        Citizens.publishInbound(changed, changed); // and redelivered
        await().atMost(PATIENCE).until(() -> Citizens.query(dataSource,
                "select count(*) from citizen where wa_id = ?", userId) == 1);

        String grievance = UUID.randomUUID().toString();
        Citizens.publish(Citizens.event(grievance, 4, "ESCALATE", "ASSIGNED", Citizens.ref(phone), "en", "PWD", null,
                2));
        await().atMost(PATIENCE).until(() -> "READ".equals(Citizens.state(dataSource,
                "grievance:" + grievance + ":4")));
        List<Map<String, Object>> toNewId = Citizens.received(userId);
        assertEquals(1, toNewId.size(), toNewId.toString());
        JsonNode sent = Json.mapper().valueToTree(toNewId.get(0));
        assertEquals(userId, sent.path("recipient").asText(), "a user id is sent as recipient");
        assertFalse(sent.has("to"), sent.toString());
        assertEquals("grievance_update", sent.path("template").path("name").asText(),
                "outside the window, which the new id took over from the old: the template");
        assertTrue(sent.toString().contains("BLD-2026-000104"), sent.toString());
        assertTrue(Citizens.received(phone).isEmpty(), "nothing to the number the citizen no longer uses");
    }

    /**
     * Sends a message of no consequence dated {@code at} (later than any before it) and waits until notification-
     * service has seen it: the citizen's messages before it, on the same partition, have been handled too.
     */
    private void awaitHandled(String citizen, Instant at) {
        Citizens.publishInbound(Citizens.inbound(citizen, WhatsAppIds.messageId(citizen), at));
        await().atMost(PATIENCE).until(() -> Citizens.query(dataSource,
                "select count(*) from citizen where wa_id = ? and last_inbound_at >= ?", citizen,
                Timestamp.from(at)) == 1);
    }

    private static Map<String, Object> text(Map<String, Object> inbound, String body) {
        inbound.put("text", Map.of("body", body));
        return inbound;
    }
}
