package org.samadhan.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/**
 * A CITIZEN_REF_KEY too short to key citizen references stops the service at start-up with the reason, instead of
 * letting it start and dead-letter every message it consumes.
 */
@QuarkusMainTest
@TestProfile(StartupKeyTest.ShortKey.class)
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
class StartupKeyTest {

    /** The key as a deployment might get it wrong: set, but far too short. */
    public static class ShortKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notification.citizen-ref-key", "changeme");
        }
    }

    @Test // a start that succeeds never returns: the timeout makes that a failure
    @Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aShortCitizenRefKeyStopsStartUpWithTheReason(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch();
        String output = result.getOutput() + result.getErrorOutput();
        assertEquals(1, result.exitCode(), output);
        assertTrue(output.contains("CITIZEN_REF_KEY must be set to at least 16 characters (it is 8 characters)"),
                output);
    }
}
