package org.samadhan.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.samadhan.contracts.CloudEventHeaders;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.KafkaTestResource;

/** The outbox against a real PostgreSQL and a real Kafka broker. */
class OutboxRelayTest {

    private static final String TOPIC = "outbox.test.v1";
    private static PGSimpleDataSource dataSource;
    private static KafkaProducer<byte[], byte[]> producer;

    @BeforeAll
    static void infrastructure() throws SQLException, IOException {
        dataSource = OutboxDatabase.create();
        producer = DurableProducers.createRaw(DurableProducers.config(
                Map.of("bootstrap.servers", KafkaTestResource.bootstrapServers()), "outbox-test", Duration.ofSeconds(4)));
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @BeforeEach
    void emptyOutbox() throws SQLException {
        OutboxDatabase.execute(dataSource, "delete from outbox");
    }

    @Test
    void committedRecordsArePublishedInOrderPerKeyWithTheirHeadersThenRemoved() throws Exception {
        List<String> keys = List.of("g-1", "g-2", "g-3");
        try (var kafka = KafkaTestClient.fromNowOn(TOPIC)) {
            inTransaction(c -> {
                for (int i = 0; i < 10; i++) {
                    OutboxWriter.append(c, record(keys.get(i % 3), i));
                }
                List<OutboxRecord> many = new java.util.ArrayList<>(); // and the rest as one statement
                for (int i = 10; i < 30; i++) {
                    many.add(record(keys.get(i % 3), i));
                }
                OutboxWriter.appendAll(c, many);
                return null;
            }, true);
            relay().relayOnce();

            var records = kafka.await(30, Duration.ofSeconds(20));
            for (String key : keys) {
                List<Integer> sequence = records.stream().filter(r -> key.equals(r.key()))
                        .map(r -> Integer.parseInt(r.value().replaceAll("\\D", ""))).toList();
                assertEquals(sequence.stream().sorted().toList(), sequence, "order of " + key);
                assertEquals(10, sequence.size());
            }
            ConsumerRecord<String, String> first = records.get(0);
            assertEquals("BLD", CloudEventHeaders.get(first.headers(), CloudEventHeaders.DISTRICT));
            assertEquals(0, outboxSize());
        }
    }

    @Test
    void aRolledBackTransactionPublishesNothing() throws Exception {
        try (var kafka = KafkaTestClient.fromNowOn(TOPIC)) {
            inTransaction(c -> {
                OutboxWriter.append(c, record("g-9", 1));
                return null;
            }, false);
            assertEquals(0, relay().relayOnce());
            assertEquals(List.of(), kafka.drain(Duration.ofSeconds(1)));
        }
    }

    @Test
    void whileKafkaIsDownRecordsWaitAndAreRelayedWhenItReturns() throws Exception {
        inTransaction(c -> {
            OutboxWriter.append(c, record("g-5", 1));
            OutboxWriter.append(c, record("g-5", 2));
            return null;
        }, true);
        KafkaTestResource.stopBroker();
        try {
            assertThrows(OutboxRelay.OutboxRelayException.class, () -> relay().relayOnce());
            assertEquals(2, outboxSize(), "nothing is removed that Kafka did not acknowledge");
        } finally {
            KafkaTestResource.startBroker();
        }
        try (var kafka = KafkaTestClient.fromNowOn(TOPIC)) {
            int relayed = 0;
            for (int attempt = 0; attempt < 20 && relayed == 0; attempt++) {
                try {
                    relayed = relay().relayOnce();
                } catch (OutboxRelay.OutboxRelayException stillRecovering) {
                    Thread.sleep(500);
                }
            }
            // At least once: a record acknowledged just before the outage may come again, in order, never missing.
            List<String> values = kafka.await(2, Duration.ofSeconds(20)).stream().map(ConsumerRecord::value)
                    .collect(Collectors.toList());
            assertEquals(List.of("{\"n\":1}", "{\"n\":2}"), values.stream().distinct().toList());
            assertEquals(0, outboxSize());
        }
    }

    @Test
    void concurrentRelaysPublishEachRecordOnce() throws Exception {
        try (var kafka = KafkaTestClient.fromNowOn(TOPIC)) {
            inTransaction(c -> {
                for (int i = 0; i < 200; i++) {
                    OutboxWriter.append(c, record("g-" + (i % 7), i));
                }
                return null;
            }, true);
            var pool = Executors.newFixedThreadPool(4);
            List<Callable<Integer>> relays = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                relays.add(() -> {
                    int total = 0;
                    for (int round = 0; round < 10; round++) {
                        total += relay().relayOnce();
                    }
                    return total;
                });
            }
            int total = 0;
            for (var result : pool.invokeAll(relays)) {
                total += result.get();
            }
            pool.shutdown();
            assertEquals(200, total);
            var records = kafka.await(200, Duration.ofSeconds(20));
            records.addAll(kafka.drain(Duration.ofSeconds(1)));
            assertEquals(200, records.size(), "no record published twice");
        }
    }

    /**
     * The one window the outbox cannot close: Kafka acknowledged, then the relay died before its delete committed.
     * The record is published again, with the same CloudEvents id, so consumers deduplicate it (at-least-once).
     */
    @Test
    void aCrashAfterKafkasAckButBeforeTheDeleteRepublishesTheSameEventId() throws Exception {
        inTransaction(c -> {
            OutboxWriter.append(c, record("g-crash", 1));
            return null;
        }, true);
        try (var kafka = KafkaTestClient.fromNowOn(TOPIC);
             KafkaProducer<byte[], byte[]> crashing = DurableProducers.createRaw(DurableProducers.config(Map.<String, Object>of(
                     "bootstrap.servers", KafkaTestResource.bootstrapServers(),
                     "interceptor.classes", KillRelayConnectionOnAck.class.getName()),
                     "outbox-crash-test", Duration.ofSeconds(4)))) {
            var dying = new OutboxRelay(dataSource, crashing, 50, Duration.ofSeconds(4), new SimpleMeterRegistry());
            assertThrows(SQLException.class, dying::relayOnce, "the relay's connection died after the ack");
            assertEquals(1, outboxSize(), "the delete never committed");

            assertEquals(1, relay().relayOnce(), "the next relay (or instance) publishes it again");
            var records = kafka.await(2, Duration.ofSeconds(20));
            assertEquals(records.get(0).value(), records.get(1).value());
            assertEquals(CloudEventHeaders.get(records.get(0).headers(), CloudEventHeaders.ID),
                    CloudEventHeaders.get(records.get(1).headers(), CloudEventHeaders.ID));
            assertEquals(0, outboxSize());
        }
    }

    /** Kills every other open transaction (the relay's) the moment Kafka acknowledges a record. */
    public static class KillRelayConnectionOnAck
            implements org.apache.kafka.clients.producer.ProducerInterceptor<byte[], byte[]> {

        @Override
        public org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> onSend(
                org.apache.kafka.clients.producer.ProducerRecord<byte[], byte[]> record) {
            return record;
        }

        @Override
        public void onAcknowledgement(org.apache.kafka.clients.producer.RecordMetadata metadata, Exception failure) {
            try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity "
                        + "where state like 'idle in transaction%' and pid <> pg_backend_pid()");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }

    @Test
    void aWorkerRelaysAsSoonAsItIsWokenNotOnlyOnItsIdleTick() throws Exception {
        try (var kafka = KafkaTestClient.fromNowOn(TOPIC);
             var worker = OutboxRelayWorker.start(dataSource, Map.of("bootstrap.servers",
                     KafkaTestResource.bootstrapServers()), "outbox-worker-test", new OutboxRelayWorker.Settings(50,
                     Duration.ofSeconds(4), Duration.ofHours(1), Duration.ofSeconds(1)), new SimpleMeterRegistry())) {
            Thread.sleep(200); // the worker's first wait has begun: only a wake can start a round now
            inTransaction(c -> {
                OutboxWriter.append(c, record("g-w", 1));
                return null;
            }, true);
            worker.wake();
            assertEquals(1, kafka.await(1, Duration.ofSeconds(5)).size(), "published long before the idle hour");
            Instant deadline = Instant.now().plusSeconds(5);
            while (outboxSize() > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(20);
            }
            assertEquals(0, outboxSize(), "and removed once acknowledged");
        }
    }

    private static OutboxRelay relay() {
        return new OutboxRelay(dataSource, producer, 50, Duration.ofSeconds(4), new SimpleMeterRegistry());
    }

    private static OutboxRecord record(String key, int n) {
        return OutboxRecord.event(TOPIC, key, UUID.randomUUID().toString(), "org.samadhan.test.v1", "/test",
                Instant.now(), key, "BLD", Map.of("n", n));
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static <T> T inTransaction(Work<T> work, boolean commit) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            T result = work.run(c);
            if (commit) {
                c.commit();
            } else {
                c.rollback();
            }
            return result;
        }
    }

    private static int outboxSize() throws SQLException {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement();
             var r = s.executeQuery("select count(*) from outbox")) {
            r.next();
            return r.getInt(1);
        }
    }
}
