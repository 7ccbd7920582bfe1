package org.samadhan.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.jboss.logging.Logger;
import org.samadhan.contracts.Json;

/**
 * Publishes the outbox to Kafka: oldest first, waits for the acknowledgements, then deletes what was published, in
 * one database transaction. Delivery is at least once: a crash after Kafka acknowledged but before the delete commits
 * publishes those records again, with the same event ids, and consumers deduplicate. A transaction-scoped advisory
 * lock lets only one instance relay at a time, so records of one key reach Kafka in the order they were written.
 * A record Kafka refuses for good (too large, invalid topic) is dead-lettered and the records behind it go on; one
 * without an answer stays, and so do the later records of its key, so that they are published again after it.
 */
public class OutboxRelay {

    /** Advisory lock key shared by every instance of a service (each service has its own database). */
    private static final long LOCK = 0x6f7574626f78L; // "outbox"
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final DataSource dataSource;
    private final Producer<byte[], byte[]> producer;
    private final int batchSize;
    private final Duration ackTimeout;
    private final MeterRegistry metrics;

    public OutboxRelay(DataSource dataSource, Producer<byte[], byte[]> producer, int batchSize, Duration ackTimeout,
                       MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.batchSize = batchSize;
        this.ackTimeout = ackTimeout;
        this.metrics = metrics;
    }

    /**
     * Relays one batch; what it completed (published, dead-lettered) is committed even when part of it failed.
     *
     * @return how many records left the outbox's queue: published, dead-lettered or parked (0 when another instance
     *         relays)
     * @throws OutboxRelayException when Kafka did not acknowledge some records; they stay for the next attempt
     */
    public int relayOnce() throws SQLException {
        Round round;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                round = relay(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        if (round.unanswered() != null) {
            throw new OutboxRelayException("Kafka did not take " + round.left() + " outbox record(s), kept for the "
                    + "next round: " + Failures.describe(round.unanswered()), round.unanswered());
        }
        return round.handled();
    }

    /** Relays batches until the outbox is empty; returns how many records left it. */
    public int drain() throws SQLException {
        int total = 0;
        int relayed;
        do {
            relayed = relayOnce();
            total += relayed;
        } while (relayed > 0);
        return total;
    }

    private record Row(long id, KafkaSends.Message message) {
    }

    private record Round(int handled, int left, Throwable unanswered) {
    }

    private Round relay(Connection connection) throws SQLException {
        if (!tryLock(connection)) {
            return new Round(0, 0, null);
        }
        List<Row> rows = select(connection);
        List<KafkaSends.Outcome> outcomes = KafkaSends.sendAll(producer,
                rows.stream().map(Row::message).toList(), ackTimeout);
        List<Long> published = new ArrayList<>();
        List<DeadLetters.Refusal> refused = new ArrayList<>();
        Set<String> heldKeys = new HashSet<>();
        Throwable unanswered = null;
        int left = 0;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            KafkaSends.Outcome outcome = outcomes.get(i);
            if (heldKeys.contains(orderKey(row))) {
                left++; // published again after the earlier record of its key, which stays
            } else if (outcome.acknowledged()) {
                published.add(row.id());
            } else if (outcome.refusedForGood()) {
                refused.add(new DeadLetters.Refusal(row.id(), row.message(), outcome.failure()));
            } else {
                heldKeys.add(orderKey(row));
                unanswered = unanswered == null ? outcome.failure() : unanswered;
                left++;
            }
        }
        DeadLetters.Result dead = new DeadLetters(producer, ackTimeout, metrics).deadLetter(refused);
        published.addAll(dead.delivered());
        delete(connection, published);
        park(connection, dead.parked());
        left += dead.unanswered();
        unanswered = unanswered == null ? dead.failure() : unanswered;
        return new Round(published.size() + dead.parked().size(), left, unanswered);
    }

    /** Topic and key: the order the outbox keeps. */
    private static String orderKey(Row row) {
        byte[] key = row.message().key();
        return row.message().topic() + ' ' + (key == null ? "-" : HexFormat.of().formatHex(key));
    }

    private List<Row> select(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("select id, topic, record_key, payload, headers "
                + "from outbox where parked_at is null order by id limit ?")) {
            select.setInt(1, batchSize);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), new KafkaSends.Message(result.getString(2),
                            result.getBytes(3), result.getBytes(4), headers(result.getString(5)))));
                }
            }
        }
        return rows;
    }

    /** The row's headers, or null when they are not a JSON object of strings (the row is then dead-lettered). */
    private static Map<String, String> headers(String json) {
        try {
            return Json.mapper().readValue(json, HEADERS);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return null;
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void delete(Connection connection, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from outbox where id = any(?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            delete.executeUpdate();
        }
    }

    private static void park(Connection connection, Map<Long, String> reasons) throws SQLException {
        if (reasons.isEmpty()) {
            return;
        }
        try (PreparedStatement park = connection.prepareStatement(
                "update outbox set parked_at = now(), parked_reason = ? where id = ?")) {
            for (var entry : reasons.entrySet()) {
                park.setString(1, entry.getValue());
                park.setLong(2, entry.getKey());
                park.addBatch();
            }
            park.executeBatch();
        }
    }

    /** Kafka did not acknowledge some records; they were not deleted and will be relayed again. */
    public static class OutboxRelayException extends RuntimeException {
        public OutboxRelayException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
