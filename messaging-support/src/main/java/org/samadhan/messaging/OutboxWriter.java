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

    private static final String INSERT =
            "insert into outbox (topic, record_key, payload, headers) values (?, ?, ?, cast(? as jsonb))";

    private OutboxWriter() {
    }

    public static void append(Connection connection, OutboxRecord record) throws SQLException {
        appendAll(connection, List.of(record));
    }

    /** Adds the records in this order, in one round trip to the database. */
    public static void appendAll(Connection connection, List<OutboxRecord> records) throws SQLException {
        if (records.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (OutboxRecord record : records) {
                insert.setString(1, record.topic());
                insert.setString(2, record.key());
                insert.setBytes(3, record.payload());
                insert.setString(4, Json.mapper().valueToTree(record.headers()).toString());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
