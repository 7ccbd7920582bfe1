package org.samadhan.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/** The open classify endpoint cannot be hammered: beyond the per-address limit it answers 429 with Retry-After. */
@QuarkusTest
@TestProfile(ClassifyRateLimitTest.FiveAMinute.class)
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = OidcWiremockTestResource.class, parallel = true)
class ClassifyRateLimitTest {

    /** A limit small enough to reach in a test. */
    public static class FiveAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("routing.classify-per-minute", "5");
        }
    }

    @Test
    void theSixthRequestInAMinuteFromOneAddressIsRefused() {
        for (int i = 0; i < 5; i++) {
            given().contentType("application/json").body(Map.of("text", "bijli nahi hai"))
                    .post("/api/routing/classify").then().statusCode(200);
        }
        given().contentType("application/json").body(Map.of("text", "bijli nahi hai"))
                .post("/api/routing/classify").then().statusCode(429).header("Retry-After", "60")
                .body("error", startsWith("At most 5 classifications per minute"));
    }
}
