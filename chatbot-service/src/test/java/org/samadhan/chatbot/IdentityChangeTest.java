package org.samadhan.chatbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.samadhan.chatbot.FilingTest.only;
import static org.samadhan.chatbot.FilingTest.rowIds;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.grievance.GrievanceCommand;
import org.samadhan.contracts.whatsapp.OutboundMessage;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;

/**
 * A citizen whose WhatsApp id changes (WhatsApp's {@code user_changed_user_id} for a username user) carries on under
 * the new id: the complaint half-filed, the complaints filed, and what grievance-service still reports about them
 * under the reference they were filed with.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
class IdentityChangeTest {

    private static final Instant DUE = Instant.parse("2026-12-03T06:00:00Z");

    @Inject
    AgroalDataSource dataSource;

    @Test
    void conversationAndComplaintsContinueUnderTheNewBusinessScopedId() throws Exception {
        String oldId = bsuid();
        String newId = bsuid();
        try (Citizen kavita = new Citizen(oldId)) {
            String first = TrackingAndFeedbackTest.file(kavita, "No drinking water from the tap connection for a week",
                    1);
            String filedUnder = kavita.ref();
            kavita.grievanceEvent(first, 1, "REGISTER", "REGISTERED", "BLD-2026-000812", null, null, "en");
            kavita.grievanceEvent(first, 2, "ASSIGN", "ASSIGNED", "BLD-2026-000812", "PHE", DUE, "en");
            awaitReply(kavita, "BLD-2026-000812", "Status: with the department");
            assertTrue(only(kavita.says("The street light near the panchayat bhavan has been off for a month"))
                    .content().body().startsWith("Where is the problem?"), "a second complaint half-filed");

            awaitHandled(kavita.changesIdTo(newId));

            OutboundMessage review = only(kavita.sharesLocation(20.73, 81.2));
            assertTrue(review.content().body().contains("The street light near the panchayat bhavan"),
                    "the half-filed complaint continues: " + review.content().body());
            only(kavita.taps(review.content().buttons().get(0).id()));
            GrievanceCommand second = kavita.awaitCommand(2);
            assertEquals(newId, second.register().citizenWaId(), "registered under the id she has now");

            OutboundMessage mine = only(kavita.says("my complaints"));
            assertEquals(List.of("track:" + second.grievanceId(), "track:" + first), rowIds(mine),
                    "both complaints, the one filed under the old id included, each once");
            assertTrue(only(kavita.says("BLD-2026-000812")).content().body().contains("Status: with the department"));

            // grievance-service still names her by the reference the complaint was filed under.
            kavita.grievanceEvent(filedUnder, first, 3, "RESOLVE", "RESOLVED", "BLD-2026-000812", "PHE", DUE, "en");
            awaitReply(kavita, "BLD-2026-000812", "waiting for your confirmation");
            // ... also for a complaint this service never saw filed (the projection learns it from its events).
            String elsewhere = UUID.randomUUID().toString();
            kavita.grievanceEvent(filedUnder, elsewhere, 1, "REGISTER", "REGISTERED", "BLD-2026-000813", null, null,
                    "en");
            awaitReply(kavita, "BLD-2026-000813", "Complaint *BLD-2026-000813*");
            assertEquals(List.of(newId), conversationsOf(newId, oldId), "one conversation, under the new id");
        }
    }

    @Test
    void aNewIdThatWroteBeforeTheNoticeWasHandledKeepsItsStepAndGainsTheHalfFiledComplaint() throws Exception {
        String oldId = bsuid();
        String newId = bsuid();
        try (Citizen kavita = new Citizen(oldId)) {
            assertTrue(only(kavita.says("The drain of ward 6 in Gurur is blocked and water fills the lane"))
                    .content().body().startsWith("Where is the problem?"), "half-filed under the old id");
            kavita.writesFrom(newId);
            only(kavita.says("status")); // her new id writes before WhatsApp's notice is handled
            kavita.writesFrom(oldId);
            awaitHandled(kavita.changesIdTo(newId));

            OutboundMessage offer = only(kavita.says("namaste"));
            assertTrue(offer.content().body().contains("The drain of ward 6 in Gurur is blocked"), "the half-filed complaint is offered: "
                    + offer.content().body());
            assertEquals(List.of(newId), conversationsOf(newId, oldId), "one conversation, under the new id");
        }
    }

    private static String bsuid() {
        return "IN." + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 10_000_000_000_000_000L);
    }

    /** Asks until the answer shows what grievance-service published (it arrives asynchronously). */
    private static void awaitReply(Citizen citizen, String ask, String expected) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        String body;
        do {
            body = only(citizen.says(ask)).content().body();
            if (body.contains(expected)) {
                return;
            }
            Thread.sleep(300);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("'" + ask + "' never answered with '" + expected + "': " + body);
    }

    /** WhatsApp's notice produces no reply, so its handling is awaited in the handled messages. */
    private void awaitHandled(String messageId) throws Exception {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "select 1 from processed_message where message_id = ?")) {
                s.setString(1, messageId);
                try (ResultSet r = s.executeQuery()) {
                    if (r.next()) {
                        return;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the notice was not handled within 20 s");
    }

    private List<String> conversationsOf(String... waIds) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select wa_id from conversation where wa_id = any (?)")) {
            s.setArray(1, c.createArrayOf("text", waIds));
            List<String> ids = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        }
    }
}
