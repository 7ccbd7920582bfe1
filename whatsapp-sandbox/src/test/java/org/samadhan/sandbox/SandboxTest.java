package org.samadhan.sandbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samadhan.sandbox.config.SandboxConfig;

/** The stand-in behaves as WhatsApp's documented behaviour says: validation, limits, window, signed webhooks. */
@QuarkusTest
class SandboxTest {

    private static final String SEND = "/v23.0/106540352242922/messages";

    @Inject
    SandboxConfig config;

    @Inject
    RateLimits limits;

    @BeforeEach
    void fresh() {
        given().delete("/sandbox").then().statusCode(204);
        TestGateway.clear();
    }

    @Test
    void aCitizensMessageReachesTheGatewaySignedEscapedAndRedeliveredUntilAccepted() {
        assertEquals(18089, io.restassured.RestAssured.port, "a port of its own, not the local run's gateway's 8081");
        assertEquals("http://127.0.0.1:18089/test-gateway/webhooks", config.webhookUrl(), "webhooks to the tests");
        TestGateway.FAIL_NEXT.set(2);
        String id = given().contentType("application/json").queryParam("name", "रमेश साहू")
                .body(Map.of("type", "text", "text", Map.of("body", "हैंडपंप खराब है 🙏")))
                .post("/sandbox/citizens/919876543210/messages").then().statusCode(202).extract().path("id");

        await().atMost(Duration.ofSeconds(10)).until(() -> TestGateway.received().size() == 3);
        List<TestGateway.Received> received = TestGateway.received();
        assertEquals(1, received.stream().map(TestGateway.Received::rawBody).distinct().count(), "same bytes");
        TestGateway.Received webhook = received.get(2);
        assertTrue(webhook.signatureValid());
        assertTrue(webhook.rawBody().contains("\\u0939\\u0948\\u0902\\u0921"), "non-ASCII escaped as WhatsApp does");
        JsonNode value = webhook.body().path("entry").get(0).path("changes").get(0).path("value");
        assertEquals("whatsapp_business_account", webhook.body().path("object").asText());
        assertEquals("106540352242922", value.path("metadata").path("phone_number_id").asText());
        assertEquals("रमेश साहू", value.path("contacts").get(0).path("profile").path("name").asText());
        JsonNode message = value.path("messages").get(0);
        assertEquals(id, message.path("id").asText());
        assertEquals("919876543210", message.path("from").asText());
        assertTrue(decoded(id).contains("919876543210"), "the id carries the sender's number, as WhatsApp's do");
        assertEquals("हैंडपंप खराब है 🙏", message.path("text").path("body").asText());
    }

    @Test
    void sendsOutsideWhatsAppsLimitsAreRefusedWithItsCodes() {
        expectError(Map.of("messaging_product", "whatsapp", "to", "919876543210", "type", "interactive",
                "interactive", buttons(4, "Yes")), 131009);
        expectError(Map.of("messaging_product", "whatsapp", "to", "919876543210", "type", "interactive",
                "interactive", buttons(1, "x".repeat(21))), 131009);
        expectError(Map.of("messaging_product", "whatsapp", "to", "919876543210", "type", "interactive",
                "interactive", Map.of("type", "list", "body", Map.of("text", "Pick"), "action", Map.of(
                        "button", "Open", "sections", List.of(Map.of("rows", rows(11)))))), 131009);
        expectError(Map.of("messaging_product", "whatsapp", "to", "00919876543210", "type", "text",
                "text", Map.of("body", "hi")), 100);
        expectError(Map.of("messaging_product", "whatsapp", "to", "919876543210", "type", "text",
                "text", Map.of("body", "x".repeat(4097))), 131009);
        expectError(Map.of("messaging_product", "whatsapp", "to", "919876543210", "type", "template",
                "template", Map.of("name", "no_such", "language", Map.of("code", "hi"))), 132001);
        expectError(Map.of("messaging_product", "whatsapp", "to", "919876543210", "type", "template",
                "template", Map.of("name", "grievance_update", "language", Map.of("code", "hi"), "components",
                        List.of(Map.of("type", "body", "parameters", List.of(Map.of("type", "text", "text", "x")))))),
                132000);
        given().contentType("application/json").body(text("919876543210", "hi")).post(SEND).then().statusCode(401)
                .body("error.code", equalTo(190));
    }

    @Test
    void anAcceptedSendIsReportedSentAndReadWithItsCallbackData() {
        citizenWrites("919800000001");
        String wamid = send(text("919800000001", "Your complaint BLD-2026-000123 is registered"))
                .then().statusCode(200).body("contacts[0].wa_id", equalTo("919800000001")).extract()
                .path("messages[0].id");
        assertTrue(decoded(wamid).contains("919800000001"), "the id carries the recipient's number");
        List<JsonNode> statuses = awaitStatuses(wamid, 2, "read");
        // Statuses travel in webhooks of their own, as on WhatsApp, and may arrive in any order.
        JsonNode sent = statuses.stream().filter(s -> "sent".equals(s.path("status").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no sent status among " + statuses));
        assertEquals("919800000001", sent.path("recipient_id").asText());
        assertEquals("out-1", sent.path("biz_opaque_callback_data").asText());
        List<String> conversation = given().get("/sandbox/citizens/919800000001/messages").jsonPath()
                .getList("direction");
        assertEquals(List.of("in", "out"), conversation);
    }

    @Test
    void theConversationShowsTheTicksOfEveryMessageAsTheyAreReported() {
        String citizen = "919800000005";
        String mine = given().contentType("application/json").body(Map.of("type", "text", "text",
                        Map.of("body", "नल से पानी नहीं आ रहा")))
                .post("/sandbox/citizens/" + citizen + "/messages").then().statusCode(202).extract().path("id");
        await().atMost(Duration.ofSeconds(10)).until(() -> "delivered".equals(item(citizen, mine).path("status")
                .asText())); // the gateway answered 200
        String later = citizenWrites(citizen);
        send(Map.of("messaging_product", "whatsapp", "status", "read", "message_id", mine)).then().statusCode(200)
                .body("success", equalTo(true));
        assertEquals("read", item(citizen, mine).path("status").asText());
        assertFalse("read".equals(item(citizen, later).path("status").asText()),
                "marking a message read marks the earlier ones, not a later one");

        String reply = send(text(citizen, "Your complaint BLD-2026-000124 is registered")).then().statusCode(200)
                .extract().path("messages[0].id");
        await().atMost(Duration.ofSeconds(10)).until(() -> "read".equals(item(citizen, reply).path("status").asText()));
        assertFalse(item(citizen, reply).has("error"));

        String lost = send(text("919800000006", "hello")).then().statusCode(200).extract().path("messages[0].id");
        await().atMost(Duration.ofSeconds(10)).until(() -> item("919800000006", lost).has("status"));
        JsonNode failed = item("919800000006", lost);
        assertEquals("failed", failed.path("status").asText());
        assertEquals(131047, failed.path("error").path("code").asInt());
        assertEquals("Re-engagement message", failed.path("error").path("title").asText());
        awaitStatuses(lost, 1, "failed"); // and the gateway got the same news

        String tap = given().contentType("application/json").body(Map.of("type", "interactive", "context",
                        Map.of("id", reply), "interactive", Map.of("type", "button_reply", "button_reply",
                                Map.of("id", "feedback:yes", "title", "हाँ"))))
                .post("/sandbox/citizens/" + citizen + "/messages").then().statusCode(202).extract().path("id");
        JsonNode context = item(citizen, tap).path("message").path("context");
        assertEquals(reply, context.path("id").asText());
        assertEquals("15550783881", context.path("from").asText(), "a reply names the business number, as WhatsApp's");
    }

    @Test
    void freeFormOutsideTheWindowIsAcceptedThenFailsWith131047WhileATemplateIsDelivered() {
        String wamid = send(text("919800000002", "hello")).then().statusCode(200).extract().path("messages[0].id");
        JsonNode failed = awaitStatuses(wamid, 1, "failed").get(0);
        assertEquals(131047, failed.path("errors").get(0).path("code").asInt());

        String template = send(Map.of("messaging_product", "whatsapp", "to", "919800000002", "type", "template",
                "template", Map.of("name", "grievance_feedback", "language", Map.of("code", "en"), "components",
                        List.of(Map.of("type", "body", "parameters", List.of(Map.of("type", "text", "text", "A"),
                                Map.of("type", "text", "text", "B")))))))
                .then().statusCode(200).body("messages[0].message_status", equalTo("accepted")).extract()
                .path("messages[0].id");
        awaitStatuses(template, 2, "read");

        given().post("/sandbox/citizens/919800000003/undeliverable").then().statusCode(204);
        citizenWrites("919800000003");
        String lost = send(text("919800000003", "hello")).then().statusCode(200).extract().path("messages[0].id");
        assertEquals(131026, awaitStatuses(lost, 1, "failed").get(0).path("errors").get(0).path("code").asInt());
    }

    @Test
    void aSendToABusinessScopedUserIdGoesAsRecipientAndIsReportedToThatId() {
        String userId = "IN.13491208655302741918";
        String wamid = send(Map.of("messaging_product", "whatsapp", "recipient", userId, "type", "text",
                "text", Map.of("body", "Your complaint BLD-2026-000123 is registered")))
                .then().statusCode(200).body("contacts[0].user_id", equalTo(userId))
                .body("contacts[0].input", equalTo(userId)).extract().path("messages[0].id");
        JsonNode failed = awaitStatuses(wamid, 1, "failed").get(0); // this user never wrote: the window is closed
        assertEquals(userId, failed.path("recipient_user_id").asText());
        assertFalse(failed.has("recipient_id"), failed.toString());
        assertEquals(List.of("out"), given().get("/sandbox/citizens/" + userId + "/messages").jsonPath()
                .getList("direction"));

        expectError(Map.of("messaging_product", "whatsapp", "recipient", "not a user id", "type", "text",
                "text", Map.of("body", "hi")), 100);
        expectError(Map.of("messaging_product", "whatsapp", "type", "text", "text", Map.of("body", "hi")), 131008);
    }

    @Test
    void throughputAndPairRatesAreEnforced() throws Exception {
        // All at once, as a burst from a busy sender would come.
        var http = java.net.http.HttpClient.newHttpClient();
        List<java.util.concurrent.CompletableFuture<String>> results = new ArrayList<>();
        for (int i = 0; i < 240; i++) {
            results.add(sendAsync(http, text(String.format("9197%08d", i), "burst")));
        }
        List<Integer> refusals = new ArrayList<>();
        for (var result : results) {
            Integer code = errorCode(result.get());
            if (code != null) {
                refusals.add(code);
            }
        }
        assertFalse(refusals.isEmpty(), "240 sends at once exceed 80 per second");
        assertTrue(refusals.stream().allMatch(c -> c == 130429), refusals.toString());
        List<java.time.Instant> accepted = given().get("/sandbox/sends").jsonPath().getList("receivedAt", String.class)
                .stream().map(java.time.Instant::parse).sorted().toList();
        assertEquals(240 - refusals.size(), accepted.size());
        assertEquals(accepted.size(), given().queryParam("since", accepted.get(0).toString())
                .get("/sandbox/sends/count").jsonPath().getInt("count"));
        given().queryParam("since", "yesterday").get("/sandbox/sends/count").then().statusCode(400)
                .body("error.code", equalTo(100));
        for (int i = 80; i < accepted.size(); i++) {
            assertTrue(Duration.between(accepted.get(i - 80), accepted.get(i)).toNanos() >= 1_000_000_000,
                    "81 sends within one second at " + accepted.get(i));
        }

        // The pair rate: the 46 sends to one citizen all at once, so the burst is over well within one refill even on
        // a busy machine; 46 sends after the reset stay under 80 per second, so only the pair limit can refuse.
        given().delete("/sandbox").then().statusCode(204);
        long interval = config.pairInterval().toNanos();
        long start = System.nanoTime(); // elapsed time on the client's monotonic clock, which can only be longer
        List<java.util.concurrent.CompletableFuture<String>> burst = new ArrayList<>();
        for (int i = 0; i < 46; i++) {
            burst.add(sendAsync(http, text("919812345678", "again " + i)));
        }
        List<Integer> pair = new ArrayList<>();
        for (var result : burst) {
            pair.add(errorCode(result.get()));
        }
        // Each send is taken between start and its answer, so the citizen can have had at most
        // floor(elapsed / interval) refills, each letting exactly one more through.
        long refills = (System.nanoTime() - start) / interval;
        long acceptedToPair = pair.stream().filter(java.util.Objects::isNull).count();
        assertTrue(pair.stream().allMatch(c -> c == null || c == 131056), pair.toString());
        assertTrue(acceptedToPair >= 45, "the burst of 45 is allowed: " + pair);
        assertTrue(acceptedToPair <= 45 + refills, "at most 45 + " + refills + " refills: " + pair);
        // On a machine so slow that the 46 took a whole interval: one at a time until refused, still at most one
        // more per refill (at most 80 sends after the reset, so still under 80 per second).
        while (!pair.contains(131056) && pair.size() < 80) {
            pair.add(send(text("919812345678", "again " + pair.size())).path("error.code"));
            refills = (System.nanoTime() - start) / interval;
            acceptedToPair = pair.stream().filter(java.util.Objects::isNull).count();
            assertTrue(acceptedToPair <= 45 + refills, "at most 45 + " + refills + " refills: " + pair);
        }
        assertTrue(pair.contains(131056), "sends beyond the burst and its refills are refused: " + pair);
    }

    @Test
    void thePairRateIsABurstOf45ThenOnePer6SecondsAndARefusalDoesNotCount() {
        assertEquals(45, config.pairBurst(), "the test profile keeps WhatsApp's burst");
        assertEquals(Duration.ofSeconds(6), config.pairInterval(), "and its interval");
        long interval = config.pairInterval().toNanos();
        long t = System.currentTimeMillis() * 1_000_000L; // the limits' clock (epoch nanoseconds), moved by hand
        String citizen = "919812345679";
        for (int i = 0; i < 45; i++) {
            assertTrue(limits.take(citizen, t).isEmpty(), "send " + i + " of the burst");
        }
        assertEquals(131056, limits.take(citizen, t).orElseThrow().code());
        assertEquals(131056, limits.take(citizen, t + interval / 2).orElseThrow().code(), "half a refill");
        assertTrue(limits.take(citizen, t + interval).isEmpty(), "one refill, the refusals not counted");
        assertEquals(131056, limits.take(citizen, t + interval).orElseThrow().code(), "one refill lets one through");
        for (int i = 0; i < 45; i++) { // a long pause refills the burst, never more
            assertTrue(limits.take(citizen, t + 100 * interval).isEmpty(), "send " + i + " of the refilled burst");
        }
        assertEquals(131056, limits.take(citizen, t + 100 * interval).orElseThrow().code());

        // Each citizen has a bucket of their own: a full one for another citizen while this one's is empty (a
        // second later, so the 80 per second do not refuse).
        long u = t + 100 * interval + Duration.ofSeconds(1).toNanos();
        String other = "919812345680";
        for (int i = 0; i < 45; i++) {
            assertTrue(limits.take(other, u).isEmpty(), "send " + i + " of another citizen's burst");
        }
        assertEquals(131056, limits.take(citizen, u).orElseThrow().code());
        assertEquals(131056, limits.take(other, u + interval - 1).orElseThrow().code(), "a nanosecond short");
        limits.reset(); // the hand-moved times are ahead of the clock the sends use
    }

    @Test
    void statusesFallingDueTogetherShareWebhooksAsWhatsAppBatchesThem() {
        List<String> wamids = new ArrayList<>();
        for (int i = 0; i < 60; i++) { // citizens who never wrote: each send fails later with 131047
            wamids.add(send(text(String.format("9196%08d", i), "together")).then().statusCode(200).extract()
                    .path("messages[0].id"));
        }
        List<Integer> perWebhook = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            perWebhook.clear();
            for (TestGateway.Received webhook : TestGateway.received()) {
                int ours = 0;
                for (JsonNode status : webhook.body().path("entry").get(0).path("changes").get(0).path("value")
                        .path("statuses")) {
                    ours += wamids.contains(status.path("id").asText()) ? 1 : 0;
                }
                if (ours > 0) {
                    perWebhook.add(ours);
                }
            }
            return perWebhook.stream().mapToInt(Integer::intValue).sum() == 60;
        });
        assertTrue(perWebhook.size() < 60, "some webhooks carry several statuses: " + perWebhook);
        assertTrue(perWebhook.stream().allMatch(n -> n <= 25), "at most 25 in one: " + perWebhook);
    }

    @Test
    void injectedFaultsStrikeUntilCleared() {
        given().contentType("application/json").body(Map.of("httpStatus", 503, "code", 131016, "rate", 1.0))
                .post("/sandbox/faults").then().statusCode(204);
        send(text("919800000004", "x")).then().statusCode(503).body("error.code", equalTo(131016));
        given().delete("/sandbox").then().statusCode(204);
        send(text("919800000004", "x")).then().statusCode(200);
        given().contentType("application/json").body(Map.of("rate", 2.0)).post("/sandbox/faults").then()
                .statusCode(400);
    }

    /** The record inside a WhatsApp message id, as text. */
    private static String decoded(String wamid) {
        assertTrue(wamid.startsWith("wamid."), wamid);
        return new String(java.util.Base64.getDecoder().decode(wamid.substring("wamid.".length())),
                java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static String citizenWrites(String waId) {
        return given().contentType("application/json").body(Map.of("type", "text", "text", Map.of("body", "hi")))
                .post("/sandbox/citizens/" + waId + "/messages").then().statusCode(202).extract().path("id");
    }

    /** One message of the citizen's conversation as the sandbox shows it. */
    private static JsonNode item(String waId, String id) {
        JsonNode conversation;
        try {
            conversation = org.samadhan.contracts.Json.mapper().readTree(given()
                    .get("/sandbox/citizens/" + waId + "/messages").then().statusCode(200).extract().asString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        for (JsonNode item : conversation) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError(id + " is not in " + conversation);
    }

    private static List<JsonNode> awaitStatuses(String wamid, int count, String last) {
        List<JsonNode> mine = new ArrayList<>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            mine.clear();
            for (TestGateway.Received webhook : TestGateway.received()) {
                assertTrue(webhook.signatureValid());
                for (JsonNode status : webhook.body().path("entry").get(0).path("changes").get(0).path("value")
                        .path("statuses")) {
                    if (status.path("id").asText().equals(wamid)) {
                        mine.add(status);
                    }
                }
            }
            return mine.size() >= count && mine.stream().anyMatch(s -> s.path("status").asText().equals(last));
        });
        return mine;
    }

    private static Map<String, Object> text(String to, String body) {
        return Map.of("messaging_product", "whatsapp", "to", to, "type", "text", "text", Map.of("body", body),
                "biz_opaque_callback_data", "out-1");
    }

    private static Map<String, Object> buttons(int count, String title) {
        List<Map<String, Object>> buttons = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            buttons.add(Map.of("type", "reply", "reply", Map.of("id", "b" + i, "title", title + i)));
        }
        return Map.of("type", "button", "body", Map.of("text", "Was it fixed?"), "action", Map.of("buttons", buttons));
    }

    private static List<Map<String, String>> rows(int count) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Map.of("id", "r" + i, "title", "Row " + i));
        }
        return rows;
    }

    private static Response send(Map<String, Object> body) {
        return given().auth().oauth2("test-access-token").contentType("application/json").body(body).post(SEND);
    }

    private static void expectError(Map<String, Object> body, int code) {
        send(body).then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400)).body("error.code", equalTo(code))
                .body("error.error_data.details", org.hamcrest.Matchers.notNullValue());
    }

    /** A send over its own connection, so many can be in flight at once. */
    private static java.util.concurrent.CompletableFuture<String> sendAsync(java.net.http.HttpClient http,
            Map<String, Object> body) throws java.io.IOException {
        return http.sendAsync(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                "http://localhost:" + io.restassured.RestAssured.port + SEND))
                        .header("Authorization", "Bearer test-access-token").header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                org.samadhan.contracts.Json.mapper().writeValueAsString(body))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).thenApply(r -> r.body());
    }

    /** The Graph error code of an answer, or null when the send was accepted. */
    private static Integer errorCode(String answer) throws java.io.IOException {
        JsonNode json = org.samadhan.contracts.Json.mapper().readTree(answer);
        return json.has("error") ? json.path("error").path("code").asInt() : null;
    }
}
