package org.samadhan.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.samadhan.contracts.CloudEventHeaders;
import org.samadhan.contracts.DeadLetterHeaders;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.testsupport.WhatsAppIds;

/** A consumed batch against a real PostgreSQL: all or nothing per record, poison records dead-lettered, never lost. */
class TransactionalBatchTest {

    private static final String TOPIC = "whatsapp.inbound.v1";
    private static final String PHONE = "919876543210";
    private static PGSimpleDataSource dataSource;

    /**
     * Stores each inbound message's id, as consumers deduplicate: a message id seen before is refused by the
     * database's unique key, and a value that is not an inbound message by the handler.
     */
    private static final TransactionalBatch.RecordHandler HANDLER = (c, record) -> {
        String messageId = ConsumedRecords.read(record, InboundMessage.class).messageId();
        try (PreparedStatement insert = c.prepareStatement("insert into handled (message_id) values (?)")) {
            insert.setString(1, messageId);
            insert.executeUpdate();
        }
    };

    /** The part of whatsapp.inbound.v1 this handler reads. */
    record InboundMessage(String messageId, String citizenId, String text) {
    }

    /** A dead letter as it waits in the outbox. */
    record DeadLetter(String topic, byte[] key, byte[] value, Map<String, String> headers) {
        String reason() {
            return headers.get(DeadLetterHeaders.REASON);
        }
    }

    @BeforeAll
    static void infrastructure() throws SQLException, IOException {
        dataSource = OutboxDatabase.create();
        OutboxDatabase.execute(dataSource, "drop table if exists handled");
        OutboxDatabase.execute(dataSource, "create table handled (message_id text primary key)");
    }

    @BeforeEach
    void empty() throws SQLException {
        OutboxDatabase.execute(dataSource, "delete from outbox; delete from handled");
    }

    @Test
    void aCleanBatchIsHandledWhole() throws Exception {
        List<String> ids = List.of(WhatsAppIds.messageId(PHONE), WhatsAppIds.messageId(PHONE),
                WhatsAppIds.messageId(PHONE));
        TransactionalBatch.process(dataSource, texts(inbound(ids.get(0), "नमस्ते"), inbound(ids.get(1), "हैंडपंप खराब"),
                inbound(ids.get(2), "status")), HANDLER);

        assertEquals(ids.stream().sorted().toList(), handled());
        assertEquals(List.of(), deadLetters());
    }

    @Test
    void anUnreadableRecordIsDeadLetteredOnceWithItsBytesAndHeadersAndTheRestOfItsBatchKept() throws Exception {
        String a = WhatsAppIds.messageId(PHONE);
        String b = WhatsAppIds.messageId(PHONE);
        String poison = "{\"messageId\": \"" + WhatsAppIds.messageId(PHONE) + "\", \"text\": "; // cut off
        TransactionalBatch.process(dataSource, texts(inbound(a, "नमस्ते"), poison, inbound(b, "धन्यवाद")), HANDLER);

        assertEquals(List.of(a, b).stream().sorted().toList(), handled());
        List<DeadLetter> letters = deadLetters();
        assertEquals(1, letters.size(), "exactly one dead letter for the one poison record");
        DeadLetter letter = letters.get(0);
        assertEquals(Topics.deadLetter(TOPIC), letter.topic());
        assertEquals(poison, new String(letter.value(), StandardCharsets.UTF_8));
        assertEquals(PHONE, new String(letter.key(), StandardCharsets.UTF_8));
        assertTrue(letter.reason().startsWith("not a InboundMessage"), letter.reason());
        assertEquals("ce-1", letter.headers().get(CloudEventHeaders.ID), "the original CloudEvents headers");
        assertEquals("org.samadhan.whatsapp.inbound.v1", letter.headers().get(CloudEventHeaders.TYPE));
        assertEquals(TOPIC, letter.headers().get(DeadLetterHeaders.TOPIC));
    }

    @Test
    void aRecordTheDatabaseRefusesIsDeadLetteredOnceWithTheKindOfFailureNotTheDatabasesText() throws Exception {
        String a = WhatsAppIds.messageId(PHONE);
        String b = WhatsAppIds.messageId(PHONE);
        try (var logs = CapturedLogs.start()) {
            // WhatsApp delivered a again: the unique key refuses it, and PostgreSQL's message quotes the id.
            TransactionalBatch.process(dataSource, texts(inbound(a, "नमस्ते"), inbound(b, "हैंडपंप"),
                    inbound(a, "नमस्ते"), inbound(WhatsAppIds.messageId(PHONE), "status")), HANDLER);

            assertEquals(3, handled().size());
            List<DeadLetter> letters = deadLetters();
            assertEquals(1, letters.size(), "exactly one dead letter for the one duplicate");
            String reason = letters.get(0).reason();
            assertTrue(reason.startsWith("rejected by the database: unique violation (SQLSTATE 23505, constraint "
                    + "handled_pkey, table handled"), reason);
            assertNull(WhatsAppIds.leakIn(reason, PHONE), reason);
            assertTrue(!reason.contains(a) && !reason.contains("already exists"), reason);
            assertEquals(1, logs.lines().stream().filter(line -> line.contains("dead-lettered")).count(),
                    logs.lines().toString());
            for (String line : logs.lines()) {
                assertNull(WhatsAppIds.leakIn(line, PHONE), line);
            }
        }
    }

    @Test
    void recordsConsumedAsBytesAreDeadLetteredByteForByteEvenWhenTheyAreNotText() throws Exception {
        String a = WhatsAppIds.messageId(PHONE);
        byte[] latin1 = "{\"messageId\":\"x\",\"text\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        byte[] badKey = {(byte) 0xc3, 0x28, '9', '1'};
        byte[] hindi = inbound(a, "पानी नहीं").getBytes(StandardCharsets.UTF_8);
        List<ConsumerRecord<byte[], byte[]>> batch = List.of(
                raw(0, PHONE.getBytes(StandardCharsets.UTF_8), hindi),
                raw(1, PHONE.getBytes(StandardCharsets.UTF_8), latin1),   // value not UTF-8
                raw(2, badKey, inbound(WhatsAppIds.messageId(PHONE), "status").getBytes(StandardCharsets.UTF_8)),
                raw(3, PHONE.getBytes(StandardCharsets.UTF_8), hindi));   // a duplicate, refused by the database

        TransactionalBatch.process(dataSource, batch, HANDLER);

        assertEquals(List.of(a), handled());
        List<DeadLetter> letters = deadLetters();
        assertEquals(3, letters.size(), "one dead letter for each record that could not be handled");
        assertArrayEquals(latin1, letters.get(0).value());
        assertEquals("value is not UTF-8 text", letters.get(0).reason());
        assertArrayEquals(badKey, letters.get(1).key());
        assertArrayEquals(batch.get(2).value(), letters.get(1).value());
        assertEquals("key is not UTF-8 text", letters.get(1).reason());
        assertArrayEquals(hindi, letters.get(2).value());
        assertTrue(letters.get(2).reason().contains("unique violation"), letters.get(2).reason());
        for (DeadLetter letter : letters) {
            assertEquals("ce-1", letter.headers().get(CloudEventHeaders.ID));
            assertEquals(PHONE, letter.headers().get(CloudEventHeaders.SUBJECT));
        }
    }

    private static String inbound(String messageId, String text) {
        try {
            return Json.mapper().writeValueAsString(new InboundMessage(messageId, PHONE, text));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RecordHeaders cloudEvents() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEventHeaders.ID, "ce-1".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.TYPE, "org.samadhan.whatsapp.inbound.v1".getBytes(StandardCharsets.UTF_8));
        headers.add(CloudEventHeaders.SUBJECT, PHONE.getBytes(StandardCharsets.UTF_8));
        headers.add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01".getBytes());
        return headers;
    }

    /** Records as a consumer with String deserializers receives them, keyed by the citizen. */
    private static List<ConsumerRecord<String, String>> texts(String... values) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord<>(TOPIC, 0, i, 0L, TimestampType.CREATE_TIME, PHONE.length(),
                    values[i].length(), PHONE, values[i], cloudEvents(), Optional.empty()));
        }
        return records;
    }

    /** A record as a consumer with byte-array deserializers receives it. */
    private static ConsumerRecord<byte[], byte[]> raw(long offset, byte[] key, byte[] value) {
        return new ConsumerRecord<>(TOPIC, 0, offset, 0L, TimestampType.CREATE_TIME, key.length, value.length, key,
                value, cloudEvents(), Optional.empty());
    }

    private static List<String> handled() throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("select message_id from handled order by message_id")) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    /** Every dead letter in the outbox, in the order written (a list, so that a duplicate shows). */
    private static List<DeadLetter> deadLetters() throws SQLException {
        List<DeadLetter> letters = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("select topic, record_key, payload, headers from outbox order by id")) {
            while (r.next()) {
                try {
                    letters.add(new DeadLetter(r.getString(1), r.getBytes(2), r.getBytes(3),
                            Json.mapper().readValue(r.getString(4), new TypeReference<Map<String, String>>() {
                            })));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return letters;
    }
}
