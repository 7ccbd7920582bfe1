package org.samadhan.chatbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.samadhan.chatbot.FilingTest.only;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.whatsapp.OutboundMessage;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/**
 * One citizen's whole story in each language: filing, tracking, and answering the resolution. The transcripts written
 * to target/transcripts/ are the ones shown in the README.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
class JourneyTest {

    @Inject
    AgroalDataSource dataSource;

    private static final Instant DUE = Instant.parse("2026-12-05T12:30:00Z");

    @Test
    void hindi() throws Exception {
        try (Citizen citizen = new Citizen()) {
            citizen.says("नमस्ते");
            citizen.says("हमारे गाँव में 3 दिन से बिजली नहीं है, ट्रांसफार्मर जल गया है");
            citizen.taps("block:Dondi");
            OutboundMessage review = only(citizen.says("कुम्हली"));
            citizen.taps(review.content().buttons().get(0).id());
            GrievanceCommand register = citizen.awaitCommand(1);
            assertEquals(5, citizen.messagesSent(), "filed in 5 messages from नमस्ते");
            String id = register.grievanceId();

            citizen.grievanceEvent(id, 1, "REGISTER", "REGISTERED", "BLD-2026-000123", null, null, "hi");
            citizen.grievanceEvent(id, 2, "ASSIGN", "ASSIGNED", "BLD-2026-000123", "ELECTRICITY", DUE, "hi");
            awaitProjection(citizen, "BLD-2026-000123", 2);
            OutboundMessage status = only(citizen.says("BLD-2026-000123 का क्या हुआ?"));
            assertTrue(status.content().body().contains("विद्युत विभाग (CSPDCL)"), status.content().body());
            assertTrue(status.content().body().contains("5 दिसंबर 2026"), status.content().body());

            citizen.grievanceEvent(id, 3, "RESOLVE", "RESOLVED", "BLD-2026-000123", "ELECTRICITY", DUE, "hi");
            awaitProjection(citizen, "BLD-2026-000123", 3);
            OutboundMessage sorry = only(citizen.says("नहीं, अभी भी बिजली नहीं आ रही"));
            assertTrue(sorry.content().body().contains("फिर से खोलकर"));
            GrievanceCommand feedback = citizen.awaitCommand(2);
            assertFalse(feedback.feedback().satisfied());
            Transcripts.write("journey-hindi", citizen);
        }
    }

    @Test
    void english() throws Exception {
        try (Citizen citizen = new Citizen()) {
            citizen.says("The handpump near the primary school in Kusumkasa has been broken for a week");
            OutboundMessage review = only(citizen.sharesLocation(20.7312, 81.2049));
            citizen.taps(review.content().buttons().get(0).id());
            String id = citizen.awaitCommand(1).grievanceId();
            assertEquals(3, citizen.messagesSent());

            citizen.grievanceEvent(id, 1, "REGISTER", "REGISTERED", "BLD-2026-000124", null, null, "en");
            citizen.grievanceEvent(id, 2, "ASSIGN", "ASSIGNED", "BLD-2026-000124", "PHE", DUE, "en");
            awaitProjection(citizen, "BLD-2026-000124", 2);
            OutboundMessage status = only(citizen.says("status"));
            assertTrue(status.content().body().contains("Expected by: 5 December 2026"), status.content().body());

            citizen.grievanceEvent(id, 3, "RESOLVE", "RESOLVED", "BLD-2026-000124", "PHE", DUE, "en");
            awaitProjection(citizen, "BLD-2026-000124", 3);
            OutboundMessage thanks = only(citizen.taps("feedback:yes:" + id));
            assertTrue(thanks.content().body().startsWith("Thank you for confirming"));
            assertTrue(citizen.awaitCommand(2).feedback().satisfied());
            Transcripts.write("journey-english", citizen);
        }
    }

    /** Waits until this service has applied grievance-service's events up to {@code version} (asynchronous). */
    private void awaitProjection(Citizen citizen, String number, long version) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            try (var c = dataSource.getConnection(); var s = c.prepareStatement(
                    "select coalesce(max(version), 0) from citizen_grievance where grievance_number = ?")) {
                s.setString(1, number);
                try (var r = s.executeQuery()) {
                    r.next();
                    if (r.getLong(1) >= version) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError(number + " never reached version " + version);
    }
}
