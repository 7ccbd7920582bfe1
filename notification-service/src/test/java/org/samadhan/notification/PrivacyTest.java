package org.samadhan.notification;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.CloudEventHeaders;
import org.samadhan.contracts.DeadLetterHeaders;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.whatsapp.OutboundMessage;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;
import org.samadhan.testsupport.WhatsAppIds;
import org.samadhan.testsupport.WhatsAppWorld;

/**
 * A citizen's phone number, which WhatsApp's message ids carry and the chatbot's reply ids therefore too, appears
 * nowhere analytics or operators read: not on notification.deliveries.v1 (keys, values, headers), not in dead-letter
 * reasons, not in the service's log, not in its metrics; in no form (digits, base64 of the digits or of an id's start).
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = WhatsAppWorld.class)
class PrivacyTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final Path LOG = Path.of("target", "notification-service-test.log");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theNumberInsideWhatsAppIdsNeverReachesDeliveriesDeadLettersLogsOrMetrics() throws Exception {
        String citizen = Citizens.newCitizen();
        try (var deliveries = KafkaTestClient.fromNowOn(Topics.NOTIFICATION_DELIVERIES);
             var dlq = KafkaTestClient.fromNowOn(Topics.deadLetter(Topics.WHATSAPP_OUTBOUND))) {
            String wamid = Citizens.writes(citizen, "मेरे गाँव का हैंडपंप खराब है");
            assertNotNull(WhatsAppIds.leakIn(wamid, citizen), "the test's ids must carry the number: " + wamid);
            String menu = "reply:" + wamid + ":1";
            String answer = "reply:" + wamid + ":2";
            String retried = "reply:" + wamid + ":3";
            String refused = "reply:" + wamid + ":4";
            Citizens.reply(menu, citizen, wamid, OutboundMessage.Content.buttons("आप क्या करना चाहते हैं?", List.of(
                    new OutboundMessage.Button("menu:file", "शिकायत दर्ज करें"),
                    new OutboundMessage.Button("menu:track", "स्थिति देखें"))));
            Citizens.reply(answer, citizen, wamid, OutboundMessage.Content.text("कृपया गाँव का नाम बताइए"));
            await().atMost(PATIENCE).until(() -> "READ".equals(Citizens.state(dataSource, answer)));

            Citizens.fault(Map.of("httpStatus", 500, "code", 131000, "rate", 1.0)); // logged as retried
            try {
                Citizens.reply(retried, citizen, wamid, OutboundMessage.Content.text("Retried"));
                await().atMost(PATIENCE).until(() -> Citizens.query(dataSource,
                        "select attempts from outbound_message where outbound_id = ?", retried) >= 2);
            } finally {
                Citizens.clearFaults();
            }
            await().atMost(PATIENCE).until(() -> "READ".equals(Citizens.state(dataSource, retried)));
            Citizens.fault(Map.of("httpStatus", 400, "code", 131030, "rate", 1.0)); // dead-lettered and logged
            try {
                Citizens.reply(refused, citizen, wamid, OutboundMessage.Content.text("Refused"));
                var dead = dlq.await(1, PATIENCE).get(0);
                String reason = CloudEventHeaders.get(dead.headers(), DeadLetterHeaders.REASON);
                assertTrue(reason.startsWith(Citizens.published(refused) + ": (#131030)"), reason);
                assertNull(WhatsAppIds.leakIn(reason, citizen), "dead-letter reason: " + reason);
            } finally {
                Citizens.clearFaults();
            }
            String grievance = UUID.randomUUID().toString();
            Citizens.publish(Citizens.event(grievance, 2, "ASSIGN", "ASSIGNED", Citizens.ref(citizen), "hi", "PHE",
                    null, 1));
            String news = "grievance:" + grievance + ":2";
            await().atMost(PATIENCE).until(() -> "READ".equals(Citizens.state(dataSource, news)));

            Map<String, String> labels = Map.of(Citizens.published(menu), "menu", Citizens.published(answer), "answer",
                    Citizens.published(retried), "retried", Citizens.published(refused), "refused",
                    Citizens.published(news), "news");
            List<String> ours = new ArrayList<>();
            for (var record : deliveries.drain(Duration.ofSeconds(4))) {
                assertNull(WhatsAppIds.leakIn(record.key(), citizen), "key " + record.key());
                assertNull(WhatsAppIds.leakIn(record.value(), citizen), "value " + record.value());
                for (Header header : record.headers()) {
                    String value = new String(header.value(), StandardCharsets.UTF_8);
                    assertNull(WhatsAppIds.leakIn(value, citizen), header.key() + ": " + value);
                }
                var outcome = Json.mapper().readTree(record.value());
                assertEquals(record.key(), outcome.path("outboundId").asText());
                assertEquals(record.key(), CloudEventHeaders.get(record.headers(), "ce_subject"));
                if (labels.containsKey(record.key())) {
                    ours.add(labels.get(record.key()) + "/" + outcome.path("state").asText());
                }
            }
            assertEquals(List.of("answer/DELIVERED", "answer/READ", "answer/SENT", "menu/DELIVERED", "menu/READ",
                    "menu/SENT", "news/DELIVERED", "news/READ", "news/SENT", "refused/DEAD", "retried/DELIVERED",
                    "retried/READ", "retried/SENT"), ours.stream().sorted().toList(),
                    "every state of each message once, under its published id");

            String log = Files.readString(LOG, StandardCharsets.UTF_8);
            assertTrue(log.contains(Citizens.published(retried)) && log.contains(Citizens.published(refused)),
                    "the log names the messages it is about (the retry, the refusal) by their published ids");
            assertNull(WhatsAppIds.leakIn(log, citizen), "the service's log");
            assertNull(WhatsAppIds.leakIn(given().get("/q/metrics").asString(), citizen), "the metrics");
        }
    }
}
