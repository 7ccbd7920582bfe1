package org.samadhan.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.lang.ref.Reference;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.samadhan.testsupport.KafkaTestResource;

/** What an operator reads on the outbox panels, against a real PostgreSQL outbox relayed to a real Kafka broker. */
class OutboxGaugesTest {

    private static final String TOPIC = "outbox.test.v1";
    private static PGSimpleDataSource dataSource;
    private static KafkaProducer<byte[], byte[]> producer;

    @BeforeAll
    static void infrastructure() throws SQLException, IOException {
        dataSource = OutboxDatabase.create();
        producer = DurableProducers.createRaw(DurableProducers.config(
                Map.of("bootstrap.servers", KafkaTestResource.bootstrapServers()), "outbox-gauges-test",
                Duration.ofSeconds(4)));
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
    void anEmptyOutboxReadsNothingWaiting() {
        Reading reading = scrape();
        assertEquals(0.0, reading.backlog());
        assertEquals(0.0, reading.oldestAgeSeconds());
    }

    @Test
    void aWaitingRowShowsInTheBacklogWithItsAgeUntilItIsPublished() throws SQLException {
        append("g-old");
        append("g-new");
        // The first row has waited 90 s (a relay stuck behind Kafka); a parked row waits for an operator, not the relay.
        OutboxDatabase.execute(dataSource, "update outbox set created_at = now() - interval '90 seconds' "
                + "where id = (select min(id) from outbox)");
        append("g-parked");
        OutboxDatabase.execute(dataSource, "update outbox set parked_at = now(), parked_reason = 'test', "
                + "created_at = now() - interval '1 day' where id = (select max(id) from outbox)");

        Reading waiting = scrape();
        assertEquals(2.0, waiting.backlog(), "two rows wait; the parked one is not counted");
        assertTrue(waiting.oldestAgeSeconds() >= 90 && waiting.oldestAgeSeconds() < 120,
                "the oldest waiting row's age, not the parked row's: " + waiting.oldestAgeSeconds());

        new OutboxRelay(dataSource, producer, 50, Duration.ofSeconds(4), new SimpleMeterRegistry()).drain();
        Reading relayed = scrape();
        assertEquals(0.0, relayed.backlog());
        assertEquals(0.0, relayed.oldestAgeSeconds());
    }

    private record Reading(double backlog, double oldestAgeSeconds) {
    }

    /** A fresh registry per scrape, as Prometheus would read the service's /q/metrics. */
    private static Reading scrape() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        OutboxGauges held = OutboxGauges.register(dataSource, registry);
        Reading reading = new Reading(registry.get("outbox.backlog").gauge().value(),
                registry.get("outbox.oldest.age.seconds").gauge().value());
        Reference.reachabilityFence(held); // Micrometer holds a gauge's object weakly
        return reading;
    }

    private static void append(String key) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            OutboxWriter.append(c, OutboxRecord.event(TOPIC, key, UUID.randomUUID().toString(),
                    "org.samadhan.test.v1", "/test", Instant.now(), key, "BLD", Map.of("n", 1)));
        }
    }
}
