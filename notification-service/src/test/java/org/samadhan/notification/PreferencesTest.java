package org.samadhan.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.DeadLetterHeaders;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.whatsapp.MessagingPreference;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.WhatsAppIds;
import org.samadhan.testsupport.WhatsAppWorld;

/**
 * Opt-outs and opt-ins as chatbot-service decides them (whatsapp.preferences.v1), delivered at least once and not
 * always in order: the citizen's latest choice decides whether news of their grievances reaches their phone, and a
 * citizen's own "STOP" is not read here a second time.
 */
@QuarkusTest
@WithTestResource(value = org.samadhan.testsupport.KafkaTestResource.class, parallel = true)
@WithTestResource(value = org.samadhan.testsupport.PostgresTestResource.class, parallel = true)
@WithTestResource(value = WhatsAppWorld.class)
class PreferencesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theChatbotsOptOutStopsNewsAndAStopTypedToWhatsAppIsNotReadHereOnItsOwn() throws Exception {
        String citizen = Citizens.newCitizen();
        Citizens.writes(citizen, "STOP"); // the chatbot decides what this means; until it says so, nothing changes
        Citizens.awaitKnown(dataSource, citizen);
        String grievance = UUID.randomUUID().toString();
        Citizens.publish(Citizens.event(grievance, 2, "ASSIGN", "ASSIGNED", Citizens.ref(citizen), "hi", "PHE", null,
                1));
        awaitSettled("grievance:" + grievance + ":2");
        assertEquals("READ", Citizens.state(dataSource, "grievance:" + grievance + ":2"));

        publish(preference(citizen, MessagingPreference.Choice.OPT_OUT, Instant.now()));
        awaitApplied(citizen, true);
        Citizens.publish(Citizens.event(grievance, 3, "ACKNOWLEDGE", "IN_PROGRESS", Citizens.ref(citizen), "hi",
                "PHE", null, 1));
        awaitSettled("grievance:" + grievance + ":3");
        assertEquals("SKIPPED", Citizens.state(dataSource, "grievance:" + grievance + ":3"), "opted out: not sent");
        assertEquals(1, Citizens.received(citizen).size(), "only the news from before the opt-out reached the phone");
    }

    @Test
    void theLatestChoiceWinsWhateverTheOrderOfArrivalAndARedeliveryChangesNothing() throws Exception {
        String citizen = Citizens.newCitizen();
        Citizens.writes(citizen, "namaste");
        Citizens.awaitKnown(dataSource, citizen);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS); // WhatsApp's times are whole seconds
        var optOut = preference(citizen, MessagingPreference.Choice.OPT_OUT, now.minus(Duration.ofMinutes(10)));
        var optIn = preference(citizen, MessagingPreference.Choice.OPT_IN, now.minus(Duration.ofMinutes(8)));
        var olderOptOut = preference(citizen, MessagingPreference.Choice.OPT_OUT, now.minus(Duration.ofMinutes(12)));
        publish(optOut, optIn, optOut, olderOptOut); // the opt-out again (redelivered), then an older one, late
        awaitHandled(olderOptOut);
        String grievance = UUID.randomUUID().toString();
        Citizens.publish(Citizens.event(grievance, 2, "ASSIGN", "ASSIGNED", Citizens.ref(citizen), "en", "PHE", null,
                1));
        awaitSettled("grievance:" + grievance + ":2");
        assertEquals("READ", Citizens.state(dataSource, "grievance:" + grievance + ":2"), "the opt-in was the last word");

        publish(preference(citizen, MessagingPreference.Choice.OPT_OUT, now));
        awaitApplied(citizen, true);
        Citizens.publish(Citizens.event(grievance, 3, "ACKNOWLEDGE", "IN_PROGRESS", Citizens.ref(citizen), "en",
                "PHE", null, 1));
        awaitSettled("grievance:" + grievance + ":3");
        assertEquals("SKIPPED", Citizens.state(dataSource, "grievance:" + grievance + ":3"), "a newer opt-out wins");
        assertEquals(1, Citizens.received(citizen).size());
    }

    @Test
    void anOptOutMadeUnderAnIdTheCitizenHasSinceChangedAppliesToTheirNewId() throws Exception {
        String before = Citizens.newCitizen();
        String after = Citizens.newCitizen();
        Citizens.writes(before, "हैंडपंप खराब है");
        Citizens.awaitKnown(dataSource, before);
        Map<String, Object> changed = Citizens.inbound(before, WhatsAppIds.messageId(before), Instant.now());
        changed.remove("text");
        changed.put("newCitizenId", after);
        changed.put("type", "system");
        changed.put("providerType", "system");
        changed.put("system", Map.of("body", "User changed from " + before + " to " + after,
                "type", "user_changed_number", "wa_id", after));
        Citizens.publishInbound(changed);
        await().atMost(PATIENCE).until(() -> Citizens.query(dataSource,
                "select count(*) from citizen where wa_id = ?", before) == 0);

        // The chatbot read "message mat bhejo" written from the old number before it saw the change.
        publish(preference(before, MessagingPreference.Choice.OPT_OUT, Instant.now()));
        awaitApplied(after, true);
        String grievance = UUID.randomUUID().toString();
        Citizens.publish(Citizens.event(grievance, 2, "ASSIGN", "ASSIGNED", Citizens.ref(before), "hi", "PHE", null,
                1));
        awaitSettled("grievance:" + grievance + ":2");
        assertEquals("SKIPPED", Citizens.state(dataSource, "grievance:" + grievance + ":2"));
        assertTrue(Citizens.received(after).isEmpty(), Citizens.received(after).toString());
        assertEquals(0, Citizens.query(dataSource, "select count(*) from citizen where wa_id = ?", before),
                "the old id is not brought back");
    }

    @Test
    void aPreferenceWithoutItsChoiceIsDeadLetteredWithTheReason() throws Exception {
        String citizen = Citizens.newCitizen();
        try (var dlq = KafkaTestClient.fromNowOn(Topics.deadLetter(Topics.WHATSAPP_PREFERENCES))) {
            var incomplete = new MessagingPreference(UUID.randomUUID().toString(), MessagingPreference.EVENT_TYPE,
                    Instant.now(), "BLD", citizen, Citizens.ref(citizen), null, WhatsAppIds.messageId(citizen), "hi");
            KafkaTestClient.produce(Topics.WHATSAPP_PREFERENCES, Map.of(citizen, Citizens.json(incomplete)));
            List<ConsumerRecord<String, String>> dead = dlq.await(1, PATIENCE);
            assertEquals(1, dead.size());
            String reason = new String(dead.get(0).headers().lastHeader(DeadLetterHeaders.REASON).value());
            assertTrue(reason.contains("without a choice"), reason);
            assertFalse(reason.contains(citizen), "the reason does not quote the number: " + reason);
        }
        assertEquals(0, Citizens.query(dataSource, "select count(*) from citizen where wa_id = ?", citizen));
    }

    private static MessagingPreference preference(String citizen, MessagingPreference.Choice choice, Instant at) {
        String messageId = WhatsAppIds.messageId(citizen);
        return new MessagingPreference(MessagingPreference.eventIdFor(messageId), MessagingPreference.EVENT_TYPE, at,
                "BLD", citizen, Citizens.ref(citizen), choice, messageId, "hi");
    }

    private static void publish(MessagingPreference... preferences) {
        for (MessagingPreference preference : preferences) {
            KafkaTestClient.produce(Topics.WHATSAPP_PREFERENCES,
                    Map.of(preference.citizenId(), Citizens.json(preference)));
        }
    }

    /** The citizen's messages before this one, on the same partition, have been handled too. */
    private void awaitHandled(MessagingPreference preference) {
        await().atMost(PATIENCE).until(() -> Citizens.query(dataSource,
                "select count(*) from processed_inbound where message_id = ?",
                "preference:" + preference.eventId()) == 1);
    }

    private void awaitApplied(String waId, boolean optedOut) {
        await().atMost(PATIENCE).until(() -> Citizens.query(dataSource,
                "select count(*) from citizen where wa_id = ? and opted_out = ?", waId, optedOut) == 1);
    }

    private void awaitSettled(String outboundId) {
        await().atMost(PATIENCE).until(() -> List.of("READ", "SKIPPED").contains(
                String.valueOf(Citizens.state(dataSource, outboundId))));
    }
}
