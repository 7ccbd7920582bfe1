package org.samadhan.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
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
 * a change of WhatsApp id, after which news of their grievances follows them. (Opt-outs: {@link PreferencesTest}.)
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
    void afterAChangeOfNumberNewsOfTheirGrievanceGoesToTheNewNumber() throws Exception {
        String before = Citizens.newCitizen();
        String after = Citizens.newCitizen();
        Citizens.writes(before, "हैंडपंप खराब है"); // they filed: their grievances name them by this number's reference
        Citizens.awaitKnown(dataSource, before);
        // WhatsApp's notice, from the old number, through the sandbox and the gateway; then they write from the new one.
        given().baseUri(WhatsAppWorld.sandboxUrl()).contentType("application/json")
                .body(Map.of("type", "system", "system", Map.of("body", "User changed from " + before + " to "
                        + after, "type", "user_changed_number", "wa_id", after)))
                .post("/sandbox/citizens/" + before + "/messages").then().statusCode(202);
        Citizens.writes(after, "नमस्ते");
        await().atMost(PATIENCE).until(() -> Citizens.query(dataSource,
                "select count(*) from citizen where wa_id = ?", before) == 0);

        String grievance = UUID.randomUUID().toString();
        Citizens.publish(Citizens.event(grievance, 2, "ASSIGN", "ASSIGNED", Citizens.ref(before), "hi", "PHE", null,
                1));
        await().atMost(PATIENCE).until(() -> "READ".equals(Citizens.state(dataSource,
                "grievance:" + grievance + ":2")));
        List<Map<String, Object>> toNew = Citizens.received(after);
        assertEquals(1, toNew.size(), toNew.toString());
        assertEquals(after, toNew.get(0).get("to"));
        assertTrue(toNew.get(0).toString().contains("BLD-2026-000102"), toNew.toString());
        assertTrue(Citizens.received(before).isEmpty(), "nothing to the number the citizen no longer uses");
    }

    @Test
    void afterAChangeOfWhatsAppUserIdNewsOfTheirGrievanceGoesToTheNewUserId() throws Exception {
        String before = "IN." + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000_000_000L);
        String after = "IN." + Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000_000_000L);
        // Known by their user id only (a username, no number), they filed and last wrote two days ago.
        Map<String, Object> filed = Citizens.inbound(before, WhatsAppIds.messageId(before),
                Instant.now().minus(Duration.ofDays(2)));
        filed.remove("waId");
        filed.put("userId", before);
        Citizens.publishInbound(filed);
        Citizens.awaitKnown(dataSource, before);

        // user_changed_user_id as the gateway publishes it: keyed by the old id, the new one in newCitizenId.
        Map<String, Object> changed = Citizens.inbound(before, WhatsAppIds.messageId(before), Instant.now());
        changed.remove("waId");
        changed.remove("text");
        changed.put("userId", before);
        changed.put("newCitizenId", after);
        changed.put("type", "system");
        changed.put("providerType", "system");
        changed.put("system", Map.of("body", "User A changed from " + before + " to " + after,
                "type", "user_changed_user_id", "user_id", after));
        Citizens.publishInbound(changed, changed); // and redelivered
        await().atMost(PATIENCE).until(() -> Citizens.query(dataSource,
                "select count(*) from citizen where wa_id = ?", before) == 0);

        String grievance = UUID.randomUUID().toString();
        Citizens.publish(Citizens.event(grievance, 4, "ESCALATE", "ASSIGNED", Citizens.ref(before), "en", "PWD", null,
                2));
        await().atMost(PATIENCE).until(() -> "READ".equals(Citizens.state(dataSource,
                "grievance:" + grievance + ":4")));
        List<Map<String, Object>> toNew = Citizens.received(after);
        assertEquals(1, toNew.size(), toNew.toString());
        JsonNode sent = Json.mapper().valueToTree(toNew.get(0));
        assertEquals(after, sent.path("recipient").asText(), "a user id is sent as recipient");
        assertFalse(sent.has("to"), sent.toString());
        assertEquals("grievance_update", sent.path("template").path("name").asText(),
                "outside the window, which the new id took over from the old: the template");
        assertTrue(sent.toString().contains("BLD-2026-000104"), sent.toString());
        assertTrue(Citizens.received(before).isEmpty(), "nothing to the id the citizen no longer has");
    }
}
