package org.samadhan.chatbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/** A CITIZEN_REF_KEY that cannot be used stops the service at start-up, saying why, instead of failing every message. */
@QuarkusMainTest
@TestProfile(CitizenRefKeyTest.ShortKey.class)
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
class CitizenRefKeyTest {

    /** The key a deployment might leave from a template. */
    public static class ShortKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("chatbot.citizen-ref-key", "changeme");
        }
    }

    @Test
    void aKeyTooShortStopsStartUpWithAClearMessage(QuarkusMainLauncher launcher) {
        // A service that accepted the key would run until stopped: give it two minutes to refuse.
        LaunchResult result = assertTimeoutPreemptively(Duration.ofMinutes(2), () -> launcher.launch(),
                "the service started with an unusable key");
        assertEquals(1, result.exitCode());
        String output = result.getErrorOutput() + result.getOutput();
        assertTrue(output.contains("chatbot-service cannot start: CITIZEN_REF_KEY must be set to at least 16 "
                + "characters (it is 8 characters)"), output);
        assertFalse(output.contains("changeme"), "the key itself is never printed");
    }
}
