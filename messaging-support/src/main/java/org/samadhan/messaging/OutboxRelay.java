package org.samadhan.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.samadhan.contracts.Json;

/**
 * Publishes the outbox to Kafka: oldest first, waits for every acknowledgement, then deletes what was published, in
 * one database transaction. Delivery is at least once: a crash after Kafka acknowledged but before the delete commits
 * publishes those records again, with the same event ids, and consumers deduplicate. A transaction-scoped advisory
 * lock lets only one instance relay at a time, so records of one key reach Kafka in the order they were written.
 */
public class OutboxRelay {

    /** Advisory lock key shared by every instance of a service (each service has its own database). */
    private static final long LOCK = 0x6f7574626f78L; // "outbox"
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(OutboxRelay.class);

    private final DataSource dataSource;
    private final Producer<String, byte[]> producer;
    private final int batchSize;
    private final Duration ackTimeout;

    public OutboxRelay(DataSource dataSource, Producer<String, byte[]> producer, int batchSize, Duration ackTimeout) {
        this.dataSource = dataSource;
        this.producer = producer;
        this.batchSize = batchSize;
        this.ackTimeout = ackTimeout;
    }

    /**
     * Relays one batch.
     *
     * @return how many records Kafka acknowledged and were removed from the outbox (0 when another instance relays)
     * @throws OutboxRelayException when Kafka did not acknowledge the batch; the records stay for the next attempt
     */
    public int relayOnce() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int relayed = relay(connection);
                connection.commit();
                return relayed;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Relays until the outbox is empty, as a scheduled job does: a round that fails (Kafka or the database away) is
     * logged and left for the next tick, with nothing lost.
     */
    public void drainOrRetryLater() {
        try {
            drain();
        } catch (OutboxRelayException | SQLException e) {
            LOG.warnf("Outbox relay round failed, retrying on the next tick: %s", e.getMessage());
        }
    }

    /** Relays batches until the outbox is empty; returns how many records were published. */
    public int drain() throws SQLException {
        int total = 0;
        int relayed;
        do {
            relayed = relayOnce();
            total += relayed;
        } while (relayed > 0);
        return total;
    }

    private int relay(Connection connection) throws SQLException {
        if (!tryLock(connection)) {
            return 0;
        }
        List<Long> ids = new ArrayList<>();
        List<CompletableFuture<Void>> acks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, topic, record_key, payload, headers from outbox order by id limit ?")) {
            select.setInt(1, batchSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                    acks.add(send(rows.getString(2), rows.getString(3), rows.getBytes(4), rows.getString(5)));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        awaitAcks(acks);
        try (PreparedStatement delete = connection.prepareStatement("delete from outbox where id = any(?)")) {
            delete.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            delete.executeUpdate();
        }
        return ids.size();
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private CompletableFuture<Void> send(String topic, String key, byte[] payload, String headersJson) {
        var headers = new RecordHeaders();
        try {
            Json.mapper().readValue(headersJson, HEADERS)
                    .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Outbox headers are written by OutboxWriter and always JSON", e);
        }
        var ack = new CompletableFuture<Void>();
        try {
            producer.send(new ProducerRecord<>(topic, null, key, payload, headers), (metadata, failure) -> {
                if (failure == null) {
                    ack.complete(null);
                } else {
                    ack.completeExceptionally(failure);
                }
            });
        } catch (KafkaException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private void awaitAcks(List<CompletableFuture<Void>> acks) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new OutboxRelayException("Kafka refused an outbox record: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new OutboxRelayException("Kafka did not acknowledge the outbox batch within " + ackTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OutboxRelayException("Interrupted while waiting for Kafka", e);
        }
    }

    /** The batch was not acknowledged by Kafka; nothing was deleted and it will be relayed again. */
    public static class OutboxRelayException extends RuntimeException {
        public OutboxRelayException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
