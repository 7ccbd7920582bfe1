package org.samadhan.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Processes a batch of consumed records in one database transaction (one commit for many records). A record whose
 * handling throws is rolled back to its savepoint and written to its topic's dead-letter topic through the outbox, in
 * the same transaction, with the reason (for a database's refusal its kind, never its text, which quotes row values),
 * its key, value and {@code ce_*} headers, so nothing is skipped silently and the offset never passes an unhandled
 * record. When the database itself is unavailable the whole batch is retried with backoff instead of being dropped.
 * Either way a handler may see a record again, so its effects outside the transaction (metrics) can repeat.
 */
public final class TransactionalBatch {

    private static final Logger LOG = Logger.getLogger(TransactionalBatch.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** Handles one record on the batch's transaction; throws (a RuntimeException or SQLException) to reject it. */
    public interface RecordHandler {
        void handle(Connection connection, ConsumerRecord<String, String> record) throws SQLException;

        /**
         * Handles a batch, by default record by record; a handler may override it to do the work of many records in
         * a few statements, with the same effect as handling them one by one in this order.
         */
        default void handleAll(Connection connection, List<ConsumerRecord<String, String>> records)
                throws SQLException {
            for (ConsumerRecord<String, String> record : records) {
                handle(connection, record);
            }
        }

        /** Called when a record was dead-lettered (after its rollback), for metrics. */
        default void deadLettered(ConsumerRecord<String, String> record, String reason) {
        }
    }

    private TransactionalBatch() {
    }

    /**
     * Returns once the batch is committed; only an interrupt or a non-transient failure of the batch stops it.
     * Records may be consumed as String or as byte[] (key and value); consumed as bytes, a dead letter keeps them
     * exactly, even when they are not UTF-8 text (such a record is dead-lettered without reaching the handler).
     */
    public static void process(DataSource dataSource, Iterable<? extends ConsumerRecord<?, ?>> records,
                               RecordHandler handler) throws InterruptedException {
        List<BatchRecord> batch = new ArrayList<>();
        records.forEach(record -> batch.add(BatchRecord.of(record)));
        Duration backoff = Duration.ofMillis(500);
        while (true) {
            try {
                Transactions.inTransaction(dataSource, c -> {
                    handleAll(c, batch, handler);
                    return null;
                });
                return;
            } catch (SQLException e) {
                if (!isTransient(e)) {
                    // Without the driver's exception as cause: its text quotes row values, which may be personal.
                    throw new IllegalStateException("Batch failed: " + DatabaseFailures.summary(e));
                }
                LOG.warnf("Database unavailable (%s); retrying the batch in %s", DatabaseFailures.summary(e), backoff);
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Connection loss, serialization failures, resource limits, operator action, or the pool timing out. */
    public static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        return state == null || state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.startsWith("57") || state.startsWith("58");
    }

    /**
     * The whole batch behind one savepoint, since a record is rarely rejected; only when one is, the batch is rolled
     * back to it and handled again record by record. A savepoint per record costs two round trips to the database.
     */
    private static void handleAll(Connection c, List<BatchRecord> records, RecordHandler handler)
            throws SQLException {
        if (records.stream().allMatch(record -> record.unreadable() == null)) {
            Savepoint batch = c.setSavepoint();
            try {
                handler.handleAll(c, records.stream().map(BatchRecord::text).toList());
                c.releaseSavepoint(batch);
                return;
            } catch (SQLException e) {
                if (isTransient(e)) {
                    throw e;
                }
            } catch (RuntimeException e) {
                // handled again below, where the record at fault is found and dead-lettered
            }
            c.rollback(batch);
        }
        for (BatchRecord record : records) {
            handleOne(c, record, handler);
        }
    }

    private static void handleOne(Connection c, BatchRecord record, RecordHandler handler) throws SQLException {
        if (record.unreadable() != null) {
            deadLetter(c, record, handler, record.unreadable(), "unreadable");
            return;
        }
        Savepoint savepoint = c.setSavepoint();
        String reason;
        String kind;
        try {
            handler.handle(c, record.text());
            c.releaseSavepoint(savepoint);
            return;
        } catch (SQLException e) {
            if (isTransient(e)) {
                throw e;
            }
            kind = DatabaseFailures.summary(e);
            reason = "rejected by the database: " + kind;
        } catch (RuntimeException e) {
            SQLException database = DatabaseFailures.find(e); // e.g. wrapped by Hibernate, message and all
            if (database != null && isTransient(database)) {
                throw database;
            }
            kind = database != null ? DatabaseFailures.summary(database) : e.getClass().getSimpleName();
            reason = database != null ? "rejected by the database: " + kind
                    : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        c.rollback(savepoint);
        deadLetter(c, record, handler, reason, kind);
    }

    /**
     * The log names the record and the kind of failure only: a handler's reason may quote the payload (a parser
     * naming the value it choked on), which on the whatsapp topics carries phone numbers.
     */
    private static void deadLetter(Connection c, BatchRecord record, RecordHandler handler, String reason,
                                   String kind) throws SQLException {
        ConsumerRecord<String, String> consumed = record.text();
        LOG.warnf("Record %s-%d@%d dead-lettered (%s); the reason is on the dead letter", consumed.topic(),
                consumed.partition(), consumed.offset(), kind);
        OutboxWriter.append(c, OutboxRecord.deadLetter(consumed.topic(), record.key(), record.value(),
                OutboxRecord.cloudEvents(consumed.headers()), reason));
        handler.deadLettered(consumed, reason);
    }
}
