package org.samadhan.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.samadhan.contracts.whatsapp.OutboundMessage;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.PostgresTestResource;
import org.samadhan.testsupport.WhatsAppWorld;

/**
 * Each reply reaches the phone once when WhatsApp answers too late for us to wait (the sandbox answers 15 s after
 * each send, 5 s after our 10 s timeout, and takes the message all the same), and when the database cannot record
 * WhatsApp's acceptance for longer than a send may stay unconfirmed.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, parallel = true)
@WithTestResource(value = PostgresTestResource.class, parallel = true)
@WithTestResource(value = WhatsAppWorld.class)
class SlowWhatsAppTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void whenWhatsAppAnswersAfterTheTimeoutEachReplyReachesThePhoneOnce() throws Exception {
        List<String> citizens = List.of(Citizens.newCitizen(), Citizens.newCitizen());
        List<String> outboundIds = new ArrayList<>();
        Map<String, List<String>> written = new java.util.LinkedHashMap<>();
        for (String citizen : citizens) {
            String wamid = Citizens.writes(citizen, "हैंडपंप खराब है");
            written.put(citizen, List.of("Reply 1 to " + citizen, "Reply 2 to " + citizen));
            for (int n = 1; n <= 2; n++) { // the chatbot's ids: its replies to that message
                outboundIds.add("reply:" + wamid + ":" + n);
            }
        }
        Citizens.fault(Map.of("delayMillis", 15_000, "rate", 1.0));
        try {
            for (int i = 0; i < outboundIds.size(); i++) {
                String citizen = citizens.get(i / 2);
                String outboundId = outboundIds.get(i);
                String wamid = outboundId.substring("reply:".length(), outboundId.lastIndexOf(':'));
                Citizens.reply(outboundId, citizen, wamid, OutboundMessage.Content.text(written.get(citizen)
                        .get(i % 2)));
            }
            // Two replies in a row per citizen, each answered after 15 s: about 31 s.
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                for (String outboundId : outboundIds) {
                    if (!"READ".equals(Citizens.state(dataSource, outboundId))) {
                        return false;
                    }
                }
                return true;
            });
        } finally {
            Citizens.clearFaults();
        }
        for (String citizen : citizens) {
            List<Object> bodies = Citizens.received(citizen).stream()
                    .map(sent -> ((Map<?, ?>) sent.get("text")).get("body")).map(Object.class::cast).toList();
            assertEquals(written.get(citizen), bodies, "each reply once, in order");
        }
        List<Long> attempts = new ArrayList<>();
        for (String outboundId : outboundIds) {
            attempts.add(Citizens.query(dataSource, "select attempts from outbound_message where outbound_id = ?",
                    outboundId));
        }
        assertEquals(List.of(1L, 1L, 1L, 1L), attempts, "no send was made again");
    }

    @Test
    void anAcceptanceTheDatabaseCannotRecordYetIsNotTakenForALostSend() throws Exception {
        String citizen = Citizens.newCitizen();
        String wamid = Citizens.writes(citizen, "namaste");
        Citizens.awaitKnown(dataSource, citizen);
        String outboundId = "reply:" + wamid + ":1";
        // The database refuses (as a failing one would, with a transient error) to record anything this message
        // reaches after SENDING: WhatsApp's acceptance and its statuses wait, the acceptance in memory.
        Citizens.execute(dataSource, """
                create or replace function refuse_progress() returns trigger language plpgsql as $f$
                begin
                    if new.outbound_id = '%s' and new.state not in ('QUEUED', 'SENDING') then
                        raise exception 'the database is away (test)' using errcode = '40001';
                    end if;
                    return new;
                end $f$;
                create trigger refuse_progress before update on outbound_message
                    for each row execute function refuse_progress()""".formatted(outboundId));
        try {
            Citizens.reply(outboundId, citizen, wamid, OutboundMessage.Content.text("आपकी शिकायत दर्ज हो रही है"));
            await().atMost(Duration.ofSeconds(30)).until(() -> Citizens.received(citizen).size() == 1);
            // Past the 10 s timeout and the 10 s unconfirmed-after, and a settling round or two.
            Thread.sleep(25_000);
        } finally {
            Citizens.execute(dataSource, """
                    drop trigger refuse_progress on outbound_message; drop function refuse_progress()""");
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> "READ".equals(Citizens.state(dataSource, outboundId)));
        assertEquals(1, Citizens.received(citizen).size(), "sent once");
        assertEquals(1, Citizens.query(dataSource, "select attempts from outbound_message where outbound_id = ?",
                outboundId));
    }
}
