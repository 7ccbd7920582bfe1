package org.samadhan.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.samadhan.contracts.CloudEventHeaders;
import org.samadhan.contracts.DeadLetterHeaders;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.testsupport.ContractAssertions;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.WhatsAppIds;

@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class WhatsAppWebhookResourceTest {

    private static final String INBOUND = Topics.WHATSAPP_INBOUND;
    private static final String STATUS = Topics.WHATSAPP_STATUS;
    private static final String DLQ = Topics.deadLetter(Topics.WHATSAPP_INBOUND);
    private static final Duration QUIET = Duration.ofMillis(1500);

    @Test
    void handshakeEchoesTheChallengeAsPlainTextWhenTheTokenMatches() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "1158201444")
                .when().get("/webhooks/whatsapp")
                .then().statusCode(200).contentType(containsString("text/plain")).body(equalTo("1158201444"));
    }

    @Test
    void handshakeRefusesAWrongTokenOrMode() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "1158201444")
                .when().get("/webhooks/whatsapp").then().statusCode(403);
        given().queryParam("hub.mode", "unsubscribe").queryParam("hub.verify_token", "test-verify-token")
                .queryParam("hub.challenge", "1158201444")
                .when().get("/webhooks/whatsapp").then().statusCode(403);
        given().when().get("/webhooks/whatsapp").then().statusCode(403);
    }

    static Stream<Arguments> fixtures() {
        // fixture, inbound events, status events, dead letters
        return Stream.of(
                Arguments.of("text-hindi-emoji", 1, 0, 0),
                Arguments.of("interactive-button-reply", 1, 0, 0),
                Arguments.of("interactive-list-reply", 1, 0, 0),
                Arguments.of("interactive-nfm-reply", 1, 0, 0),
                Arguments.of("interactive-without-payload", 1, 0, 0),
                Arguments.of("button-template-reply", 1, 0, 0),
                Arguments.of("location-pin", 1, 0, 0),
                Arguments.of("image-with-caption", 1, 0, 0),
                Arguments.of("video", 1, 0, 0),
                Arguments.of("audio-voice-note", 1, 0, 0),
                Arguments.of("document", 1, 0, 0),
                Arguments.of("sticker", 1, 0, 0),
                Arguments.of("contacts", 1, 0, 0),
                Arguments.of("reaction", 1, 0, 0),
                Arguments.of("reaction-removed", 1, 0, 0),
                Arguments.of("order", 1, 0, 0),
                Arguments.of("system-changed-number", 1, 0, 0),
                Arguments.of("system-changed-user-id", 1, 0, 0),
                Arguments.of("system-changed-user-id-previous-field", 1, 0, 0),
                Arguments.of("unsupported", 1, 0, 0),
                Arguments.of("unknown-legacy", 1, 0, 0),
                Arguments.of("revoke", 1, 0, 0),
                Arguments.of("edit", 1, 0, 0),
                Arguments.of("future-type", 1, 0, 0),
                Arguments.of("bsuid-only-sender", 1, 0, 0),
                Arguments.of("contact-without-profile", 1, 0, 0),
                Arguments.of("no-contacts", 1, 0, 0),
                Arguments.of("dashboard-test", 1, 0, 0),
                Arguments.of("statuses", 0, 3, 0),
                Arguments.of("status-bsuid-recipient", 0, 1, 0),
                Arguments.of("batch", 3, 2, 0),
                Arguments.of("unknown-field-and-message", 1, 0, 1),
                Arguments.of("malformed-message-in-batch", 1, 0, 1),
                Arguments.of("value-errors-only", 0, 0, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyEventIsInKafkaHonouringItsContractWhenTheWebhookIsAnswered200(String fixture, int inbound, int statuses,
                                                                           int deadLetters) {
        byte[] body = Webhooks.fixture(fixture);
        try (var kafka = KafkaTestClient.fromNowOn(INBOUND, STATUS, DLQ)) {
            post(body, Webhooks.sign(body)).then().statusCode(200);

            int expected = inbound + statuses + deadLetters;
            var records = kafka.await(expected, Duration.ofSeconds(10));
            records.addAll(kafka.drain(Duration.ofMillis(300)));
            Map<String, List<ConsumerRecord<String, String>>> byTopic =
                    records.stream().collect(Collectors.groupingBy(ConsumerRecord::topic));
            assertEquals(inbound, byTopic.getOrDefault(INBOUND, List.of()).size(), "inbound events");
            assertEquals(statuses, byTopic.getOrDefault(STATUS, List.of()).size(), "status events");
            assertEquals(deadLetters, byTopic.getOrDefault(DLQ, List.of()).size(), "dead letters");
            for (var record : records) {
                if (!record.topic().equals(DLQ)) {
                    ContractAssertions.assertHonoursContract(record);
                    assertEquals(Json.mapper().readTree(record.value()).path("citizenId").asText(), record.key(),
                            "keyed by citizen, so each citizen's events stay in order");
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void batchKeepsEachCitizensEventsInTheOrderWhatsAppSentThem() throws IOException {
        byte[] body = Webhooks.fixture("batch");
        try (var kafka = KafkaTestClient.fromNowOn(INBOUND)) {
            post(body, Webhooks.sign(body)).then().statusCode(200);
            var sunita = kafka.await(3, Duration.ofSeconds(10)).stream()
                    .filter(r -> "919000000001".equals(r.key())).toList();
            assertEquals(2, sunita.size());
            assertEquals("wamid.BATCH.1", Json.mapper().readTree(sunita.get(0).value()).path("messageId").asText());
            assertEquals("wamid.BATCH.2", Json.mapper().readTree(sunita.get(1).value()).path("messageId").asText());
            assertEquals("BLD", CloudEventHeaders.get(sunita.get(0).headers(), CloudEventHeaders.DISTRICT));
        }
    }

    @Test
    void whatCannotBeNormalisedIsKeptRawOnTheDeadLetterTopicWithItsReasonAndSignature() {
        byte[] body = Webhooks.fixture("unknown-field-and-message");
        String signature = Webhooks.sign(body);
        try (var kafka = KafkaTestClient.fromNowOn(DLQ)) {
            post(body, signature).then().statusCode(200);
            var dead = kafka.await(1, Duration.ofSeconds(10)).get(0);
            assertArrayEquals(body, dead.value().getBytes(StandardCharsets.UTF_8), "the body, byte for byte");
            assertEquals("entry[0].changes[0]: field 'account_update' is not handled",
                    CloudEventHeaders.get(dead.headers(), DeadLetterHeaders.REASON));
            assertEquals(signature, CloudEventHeaders.get(dead.headers(), DeadLetterHeaders.SIGNATURE),
                    "kept so the payload can be replayed through the webhook after a fix");
        }
    }

    @Test
    void missingOrWrongSignatureIsRefusedWith401AndNothingIsPublished() {
        byte[] body = Webhooks.fixture("text-hindi-emoji");
        try (var kafka = KafkaTestClient.fromNowOn(INBOUND, STATUS, DLQ)) {
            given().contentType("application/json").body(body).when().post("/webhooks/whatsapp")
                    .then().statusCode(401).body("error", containsString("X-Hub-Signature-256"));
            post(body, "sha256=" + "0".repeat(64)).then().statusCode(401);
            byte[] other = Webhooks.fixture("statuses");
            post(body, Webhooks.sign(other)).then().statusCode(401);
            assertEquals(List.of(), kafka.drain(QUIET));
        }
    }

    @Test
    void signedBodyThatIsNotJsonIsRefusedWith400AndNothingIsPublished() {
        byte[] notJson = "entry=1&object=whatsapp_business_account".getBytes(StandardCharsets.US_ASCII);
        byte[] truncated = Arrays.copyOf(Webhooks.fixture("batch"), 200);
        try (var kafka = KafkaTestClient.fromNowOn(INBOUND, STATUS, DLQ)) {
            post(notJson, Webhooks.sign(notJson)).then().statusCode(400).body("error", equalTo("body is not JSON"));
            post(truncated, Webhooks.sign(truncated)).then().statusCode(400);
            assertEquals(List.of(), kafka.drain(QUIET));
        }
    }

    @Test
    void bodyOverOneMebibyteIsRefusedWith413() {
        byte[] huge = new byte[1024 * 1024 + 1];
        Arrays.fill(huge, (byte) ' ');
        post(huge, Webhooks.sign(huge)).then().statusCode(413);

        byte[] justUnder = new byte[1024 * 1024];
        Arrays.fill(justUnder, (byte) ' ');
        justUnder[0] = '{';
        justUnder[justUnder.length - 1] = '}';
        post(justUnder, Webhooks.sign(justUnder)).then().statusCode(200);
    }

    @Test
    void metricsCountOutcomesAndEventsWithoutAnyPhoneNumber() {
        byte[] body = Webhooks.fixture("text-hindi-emoji");
        post(body, Webhooks.sign(body)).then().statusCode(200);
        post(body, "sha256=bad").then().statusCode(401);

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("gateway_webhook_requests_total{outcome=\"accepted\"}"), metrics);
        assertTrue(metrics.contains("gateway_webhook_requests_total{outcome=\"bad_signature\"}"));
        assertTrue(metrics.contains("gateway_events_published_total{topic=\"whatsapp.inbound.v1\",type=\"text\"}"));
        assertTrue(metrics.contains("gateway_publish_latency_seconds_bucket"));
        assertFalse(metrics.contains("9876543210"), "no phone number in any metric");
    }

    @Test
    void logsNameNoPhoneNumberInAnyFormNotEvenInsideWhatsAppMessageIds() throws IOException {
        String sunita = "919812345670";
        String ramesh = "919876501234";
        String text = WhatsAppIds.messageId(sunita);
        String image = WhatsAppIds.messageId(ramesh);
        String reply = WhatsAppIds.messageId(ramesh); // our reply to Ramesh: its id carries his number too
        byte[] body = ("""
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                "messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",
                "phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Sunita"},"wa_id":"%s"},
                {"profile":{"name":"Ramesh"},"wa_id":"%s"}],"messages":[
                {"from":"%s","id":"%s","timestamp":"1764480000","type":"text","text":{"body":"\\u0928\\u0932 \\u0916\\u0930\\u093e\\u092c"}},
                {"from":"%s","id":"%s","timestamp":"1764480001","type":"image"}]},"field":"messages"},
                {"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881",
                "phone_number_id":"106540352242922"},"statuses":[{"id":"%s","status":"delivered",
                "timestamp":"1764480002","recipient_id":"%s"}]},"field":"messages"}]}]}""")
                .formatted(sunita, ramesh, sunita, text, ramesh, image, reply, ramesh)
                .getBytes(StandardCharsets.US_ASCII);
        try (var kafka = KafkaTestClient.fromNowOn(INBOUND, STATUS, DLQ)) {
            post(body, Webhooks.sign(body)).then().statusCode(200);
            post(body, "sha256=" + "0".repeat(64)).then().statusCode(401);
            var records = kafka.await(3, Duration.ofSeconds(10));
            records.addAll(kafka.drain(Duration.ofMillis(300)));
            assertEquals(List.of(INBOUND, DLQ, STATUS), records.stream().map(ConsumerRecord::topic).sorted().toList(),
                    "Sunita's text and the status published, Ramesh's image without media dead-lettered");
            String textEvent = CloudEventHeaders.get(records.stream().filter(r -> r.topic().equals(INBOUND))
                    .findFirst().orElseThrow().headers(), CloudEventHeaders.ID);

            String log = Files.readString(Path.of("target/gateway-test.log"));
            for (String phone : List.of(sunita, ramesh, "919876543210", "919000000001")) {
                assertNull(WhatsAppIds.leakIn(log, phone), () -> "the log shows " + phone + " as "
                        + WhatsAppIds.leakIn(log, phone));
            }
            assertTrue(log.contains("event " + textEvent + " from ********5670"),
                    "messages are logged by event id (ce_id), the citizen masked");
            assertTrue(log.contains("partly dead-lettered"), "the dead-lettered image is logged");
        }
    }

    private static io.restassured.response.Response post(byte[] body, String signature) {
        return given().contentType("application/json").header("X-Hub-Signature-256", signature).body(body)
                .when().post("/webhooks/whatsapp");
    }
}
