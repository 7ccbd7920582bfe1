package org.samadhan.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.samadhan.contracts.Json;

/**
 * Adds records to the outbox on the caller's connection, inside the caller's transaction: the business change and its
 * events commit together or not at all (no dual write).
 */
public final class OutboxWriter {

    /** Rows are numbered in the list's order, which the relay publishes them in. */
    private static final String INSERT = """
            insert into outbox (topic, record_key, payload, headers)
            select topic, record_key, payload, headers::jsonb
            from unnest(?::text[], ?::bytea[], ?::bytea[], ?::text[]) with ordinality
                as r (topic, record_key, payload, headers, n)
            order by n""";

    private OutboxWriter() {
    }

    public static void append(Connection connection, OutboxRecord record) throws SQLException {
        appendAll(connection, List.of(record));
    }

    /** Adds the records in this order, in one statement. */
    public static void appendAll(Connection connection, List<OutboxRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setArray(1, connection.createArrayOf("text", records.stream().map(OutboxRecord::topic).toArray()));
            insert.setArray(2, connection.createArrayOf("bytea",
                    records.stream().map(OutboxRecord::key).toArray(byte[][]::new)));
            insert.setArray(3, connection.createArrayOf("bytea",
                    records.stream().map(OutboxRecord::payload).toArray(byte[][]::new)));
            insert.setArray(4, connection.createArrayOf("text", records.stream()
                    .map(record -> Json.mapper().valueToTree(record.headers()).toString()).toArray()));
            insert.executeUpdate();
        }
    }
}
