package org.samadhan.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.samadhan.contracts.CloudEventHeaders;
import org.samadhan.contracts.DeadLetterHeaders;
import org.samadhan.contracts.Topics;
import org.samadhan.testsupport.KafkaTestClient;
import org.samadhan.testsupport.KafkaTestResource;
import org.samadhan.testsupport.WhatsAppIds;

/**
 * The outbox relay's worker against a real PostgreSQL and Kafka broker when Kafka refuses a record for good or the
 * relay meets a failure nobody expected: the refused record is dead-lettered, and the records behind it still go.
 */
class OutboxDeadLetterTest {

    /**
     * Replies to citizens, keyed by their WhatsApp number, as on whatsapp.outbound.v1; at most 20,000 bytes a record
     * batch (above the producer's 16 KiB batch.size: below it the producer splits a refused batch forever).
     */
    private static final String TOPIC = "outbox.small.v1";
    private static final String PHONE = "919876543210";
    private static PGSimpleDataSource dataSource;

    @BeforeAll
    static void infrastructure() throws Exception {
        dataSource = OutboxDatabase.create();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaTestResource.bootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)
                        .configs(Map.of("max.message.bytes", "20000")))).all().get();
            }
        }
    }

    @BeforeEach
    void emptyOutbox() throws SQLException {
        OutboxDatabase.execute(dataSource, "delete from outbox");
    }

    @Test
    void aRecordItsTopicRefusesAsTooLargeIsDeadLetteredWithItsReasonAndTheRecordsBehindItAreDelivered()
            throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        OutboxRecord tooLarge = reply(2, "आपकी शिकायतों की सूची: ".repeat(600)); // about 36 KB of Devanagari
        try (var topic = KafkaTestClient.fromNowOn(TOPIC);
             var dlq = KafkaTestClient.fromNowOn(Topics.deadLetter(TOPIC));
             var logs = CapturedLogs.start()) {
            append(reply(1, "नमस्ते! अपनी शिकायत लिखें।"), tooLarge, reply(3, "आपकी शिकायत दर्ज हो गई है।"),
                    reply(4, "धन्यवाद"));
            try (var worker = worker(dataSource, metrics)) {
                worker.wake();
                List<ConsumerRecord<String, String>> delivered = topic.await(3, Duration.ofSeconds(20));
                delivered.addAll(topic.drain(Duration.ofSeconds(2))); // a relay stuck on the batch sends it again
                assertEquals(List.of(1, 3, 4), delivered.stream().map(record -> sequence(record.value())).toList(),
                        "the records behind the refused one, each once, in order");

                List<ConsumerRecord<String, String>> dead = dlq.await(1, Duration.ofSeconds(20));
                dead.addAll(dlq.drain(Duration.ofSeconds(1)));
                assertEquals(1, dead.size(), "one dead letter for the one refused record");
                ConsumerRecord<String, String> letter = dead.get(0);
                assertEquals(new String(tooLarge.payload(), java.nio.charset.StandardCharsets.UTF_8), letter.value());
                assertEquals(PHONE, letter.key());
                assertEquals(tooLarge.headers().get(CloudEventHeaders.ID),
                        CloudEventHeaders.get(letter.headers(), CloudEventHeaders.ID));
                assertEquals(tooLarge.headers().get(CloudEventHeaders.TYPE),
                        CloudEventHeaders.get(letter.headers(), CloudEventHeaders.TYPE));
                assertEquals(TOPIC, CloudEventHeaders.get(letter.headers(), DeadLetterHeaders.TOPIC));
                String reason = CloudEventHeaders.get(letter.headers(), DeadLetterHeaders.REASON);
                assertTrue(reason.contains("RecordTooLargeException"), reason);
                awaitEmptyOutbox();
            }
            assertEquals(1.0, metrics.counter("outbox.dead.letters", "topic", TOPIC,
                    "failure", "RecordTooLargeException", "value", "dead-letter").count());
            for (String line : logs.lines()) {
                assertNull(WhatsAppIds.leakIn(line, PHONE), line);
            }
        }
    }

    @Test
    void aRecordTooLargeEvenForItsDeadLetterIsParkedInTheOutboxAndADeadLetterSaysWhy() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        OutboxRecord huge = reply(2, "क".repeat(1_000_000)); // 3 MB: more than a dead-letter topic holds (2 MiB)
        try (var topic = KafkaTestClient.fromNowOn(TOPIC);
             var dlq = KafkaTestClient.fromNowOn(Topics.deadLetter(TOPIC));
             var worker = worker(dataSource, metrics)) {
            append(reply(1, "नमस्ते"), huge, reply(3, "धन्यवाद"));
            worker.wake();
            List<ConsumerRecord<String, String>> delivered = topic.await(2, Duration.ofSeconds(20));
            delivered.addAll(topic.drain(Duration.ofSeconds(2)));
            assertEquals(List.of(1, 3), delivered.stream().map(record -> sequence(record.value())).toList());
            List<ConsumerRecord<String, String>> dead = dlq.await(1, Duration.ofSeconds(20));
            dead.addAll(dlq.drain(Duration.ofSeconds(1)));
            assertEquals(1, dead.size());
            assertEquals("", dead.get(0).value(), "the value did not fit: the dead letter says where it is");
            assertEquals(huge.headers().get(CloudEventHeaders.ID),
                    CloudEventHeaders.get(dead.get(0).headers(), CloudEventHeaders.ID));
            String reason = CloudEventHeaders.get(dead.get(0).headers(), DeadLetterHeaders.REASON);
            assertTrue(reason.contains("RecordTooLargeException") && reason.contains("stays in the producing "
                    + "service's outbox, row "), reason);

            Instant deadline = Instant.now().plusSeconds(10);
            while (count("select count(*) from outbox where parked_at is null") > 0 && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertEquals(1, count("select count(*) from outbox"), "only the refused record is kept");
            assertEquals(huge.payload().length, count("select length(payload) from outbox where parked_at is not null "
                    + "and parked_reason like '%RecordTooLargeException%'"), "with its value, byte for byte");
            worker.wake();
            assertEquals(List.of(), topic.drain(Duration.ofSeconds(1)), "a parked record is not sent again");
            assertEquals(List.of(), dlq.drain(Duration.ofMillis(200)));
        }
        assertEquals(1.0, metrics.counter("outbox.dead.letters", "topic", TOPIC,
                "failure", "RecordTooLargeException", "value", "outbox").count());
    }

    @Test
    void aRowWhoseHeadersCannotBeReadIsDeadLetteredAndTheRelayGoesOn() throws Exception {
        try (var topic = KafkaTestClient.fromNowOn(TOPIC);
             var dlq = KafkaTestClient.fromNowOn(Topics.deadLetter(TOPIC));
             var worker = worker(dataSource, new SimpleMeterRegistry())) {
            append(reply(1, "नमस्ते"));
            // written by hand, say by an operator replaying an event: a header whose value is not text
            OutboxDatabase.execute(dataSource, "insert into outbox (topic, record_key, payload, headers) values ('"
                    + TOPIC + "', convert_to('" + PHONE + "', 'UTF8'), convert_to('{\"n\":2}', 'UTF8'), "
                    + "'{\"ce_id\": {\"id\": 7}}')");
            append(reply(3, "धन्यवाद"));
            worker.wake();
            assertEquals(List.of(1, 3), topic.await(2, Duration.ofSeconds(20)).stream()
                    .map(record -> sequence(record.value())).toList());
            ConsumerRecord<String, String> letter = dlq.await(1, Duration.ofSeconds(20)).get(0);
            assertEquals("{\"n\":2}", letter.value());
            assertTrue(CloudEventHeaders.get(letter.headers(), DeadLetterHeaders.REASON).contains("headers"),
                    CloudEventHeaders.get(letter.headers(), DeadLetterHeaders.REASON));
            awaitEmptyOutbox();
        }
    }

    @Test
    void theRelayKeepsRunningAfterAnUnexpectedException() throws Exception {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        // The pool fails twice in a way no one planned for (not an SQLException), then recovers.
        var failing = new FailingDataSource(dataSource, 2);
        try (var topic = KafkaTestClient.fromNowOn(TOPIC);
             var worker = worker(failing, metrics)) {
            append(reply(1, "नमस्ते"));
            worker.wake();
            assertEquals(List.of(1), topic.await(1, Duration.ofSeconds(20)).stream()
                    .map(record -> sequence(record.value())).toList(), "relayed once the pool recovered");
            append(reply(2, "धन्यवाद"));
            worker.wake();
            assertEquals(List.of(2), topic.await(1, Duration.ofSeconds(20)).stream()
                    .map(record -> sequence(record.value())).toList(), "and the worker is still there");
        }
        assertEquals(2, failing.failures.get());
        assertEquals(2.0, metrics.counter("outbox.relay.retries", "failure", "IllegalStateException").count());
    }

    /** A real data source whose first {@code failures} connections fail with an unchecked exception. */
    private static final class FailingDataSource implements DataSource {
        private final DataSource real;
        private final int limit;
        private final AtomicInteger failures = new AtomicInteger();

        FailingDataSource(DataSource real, int limit) {
            this.real = real;
            this.limit = limit;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (failures.get() < limit) {
                failures.incrementAndGet();
                throw new IllegalStateException("connection pool is being reconfigured");
            }
            return real.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return real.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            real.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            real.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return real.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return real.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return real.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return real.isWrapperFor(type);
        }
    }

    private static OutboxRelayWorker worker(DataSource source, SimpleMeterRegistry metrics) {
        return OutboxRelayWorker.start(source, Map.of("bootstrap.servers", KafkaTestResource.bootstrapServers()),
                "outbox-dead-letter-test", new OutboxRelayWorker.Settings(50, Duration.ofSeconds(4),
                        Duration.ofMillis(100), Duration.ofSeconds(1)), metrics);
    }

    /** The bot's n-th reply to the citizen, as chatbot-service writes it to whatsapp.outbound.v1. */
    private static OutboxRecord reply(int n, String text) {
        String messageId = WhatsAppIds.messageId(PHONE);
        return OutboxRecord.event(TOPIC, PHONE, UUID.randomUUID().toString(), "org.samadhan.whatsapp.outbound.v1",
                "/chatbot-service", Instant.now(), PHONE, "BLD", Map.of("outboundId", "reply:" + messageId + ":" + n,
                        "waId", PHONE, "n", n, "text", Map.of("body", text)));
    }

    private static int sequence(String value) {
        return Integer.parseInt(value.replaceAll(".*\"n\":(\\d+).*", "$1"));
    }

    private static void append(OutboxRecord... records) throws SQLException {
        Transactions.inTransaction(dataSource, c -> {
            OutboxWriter.appendAll(c, List.of(records));
            return null;
        });
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); var s = c.createStatement(); var r = s.executeQuery(sql)) {
            return r.next() ? r.getLong(1) : 0;
        }
    }

    private static void awaitEmptyOutbox() throws Exception {
        Instant deadline = Instant.now().plusSeconds(10);
        while (count("select count(*) from outbox") > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertEquals(0, count("select count(*) from outbox"), "nothing left behind");
    }
}
