package org.samadhan.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.samadhan.contracts.DeadLetterHeaders;
import org.samadhan.contracts.Topics;

/** A consumed batch against a real PostgreSQL: all or nothing per record, poison records dead-lettered, never lost. */
class TransactionalBatchTest {

    private static final String TOPIC = "batch.test.v1";
    private static PGSimpleDataSource dataSource;

    /** Stores each record's value; "poison" is unreadable, and a value seen before is refused by the database. */
    private static final TransactionalBatch.RecordHandler HANDLER = (c, record) -> {
        if ("poison".equals(record.value())) {
            throw new IllegalArgumentException("unreadable value");
        }
        try (PreparedStatement insert = c.prepareStatement("insert into handled (value) values (?)")) {
            insert.setString(1, record.value());
            insert.executeUpdate();
        }
    };

    @BeforeAll
    static void infrastructure() throws SQLException, IOException {
        dataSource = OutboxDatabase.create();
        OutboxDatabase.execute(dataSource, "drop table if exists handled");
        OutboxDatabase.execute(dataSource, "create table handled (value text primary key)");
    }

    @BeforeEach
    void empty() throws SQLException {
        OutboxDatabase.execute(dataSource, "delete from outbox; delete from handled");
    }

    @Test
    void aCleanBatchIsHandledWhole() throws Exception {
        TransactionalBatch.process(dataSource, batch("a", "b", "c"), HANDLER);

        assertEquals(List.of("a", "b", "c"), handled());
        assertEquals(Map.of(), deadLetters());
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAndTheRestOfItsBatchKept() throws Exception {
        TransactionalBatch.process(dataSource, batch("a", "poison", "b"), HANDLER);

        assertEquals(List.of("a", "b"), handled());
        assertEquals(Map.of("poison", "unreadable value"), deadLetters());
    }

    @Test
    void aRecordTheDatabaseRefusesIsDeadLetteredOnceAndTheOthersKept() throws Exception {
        TransactionalBatch.process(dataSource, batch("a", "b", "a", "c"), HANDLER);

        assertEquals(List.of("a", "b", "c"), handled());
        Map<String, String> deadLetters = deadLetters();
        assertEquals(1, deadLetters.size(), deadLetters.toString());
        assertTrue(deadLetters.get("a").startsWith("rejected by the database"), deadLetters.toString());
    }

    private static List<ConsumerRecord<String, String>> batch(String... values) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(new ConsumerRecord<>(TOPIC, 0, i, "key-" + i, values[i]));
        }
        return records;
    }

    private static List<String> handled() throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("select value from handled order by value")) {
            while (r.next()) {
                values.add(r.getString(1));
            }
        }
        return values;
    }

    /** The dead letters in the outbox: payload -> reason, all bound for this topic's dead-letter topic. */
    private static Map<String, String> deadLetters() throws SQLException {
        Map<String, String> letters = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("select topic, payload, headers ->> '" + DeadLetterHeaders.REASON
                     + "' from outbox order by id")) {
            while (r.next()) {
                assertEquals(Topics.deadLetter(TOPIC), r.getString(1));
                letters.put(new String(r.getBytes(2), StandardCharsets.UTF_8), r.getString(3));
            }
        }
        return letters;
    }
}
