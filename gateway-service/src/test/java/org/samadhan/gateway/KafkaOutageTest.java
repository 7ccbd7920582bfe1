package org.samadhan.gateway;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.KafkaTestResource;

/** Never 200 for something not stored: while Kafka is down WhatsApp gets 503 (and redelivers), in under 5 s. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
class KafkaOutageTest {

    @Test
    void webhookIsAnswered503WithinFiveSecondsWhileKafkaIsDownAnd200OnceItIsBack() throws Exception {
        byte[] body = Webhooks.fixture("interactive-button-reply");
        String signature = Webhooks.sign(body);
        post(body, signature, 200);

        KafkaTestResource.stopBroker();
        try {
            for (int attempt = 0; attempt < 2; attempt++) {
                long started = System.nanoTime();
                post(body, signature, 503);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "503 took " + took);
            }
        } finally {
            KafkaTestResource.startBroker();
        }

        try (var kafka = KafkaTestClient.fromNowOn(Topics.WHATSAPP_INBOUND)) {
            // WhatsApp redelivers with backoff; the first redelivery after Kafka returns is stored and answered 200.
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> given().contentType("application/json").header("X-Hub-Signature-256", signature)
                            .body(body).post("/webhooks/whatsapp").statusCode() == 200);
            var stored = kafka.await(1, Duration.ofSeconds(10)).get(0);
            assertEquals("wamid.HBgMOTE5ODc2NTQzMjEwFQIAEhgUM0FCRDI3QjQ2RTk4QjQ3MDlFOTUA",
                    Json.mapper().readTree(stored.value()).path("messageId").asText());
        }
        String metrics = given().get("/q/metrics").then().extract().asString();
        assertTrue(metrics.contains("gateway_webhook_requests_total{outcome=\"unavailable\"} 2.0"), metrics);
    }

    private static void post(byte[] body, String signature, int expectedStatus) {
        given().contentType("application/json").header("X-Hub-Signature-256", signature).body(body)
                .when().post("/webhooks/whatsapp").then().statusCode(expectedStatus);
    }
}
