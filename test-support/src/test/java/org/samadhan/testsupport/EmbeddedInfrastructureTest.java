package org.samadhan.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The test infrastructure every service relies on is the real thing: a Kafka broker and a PostgreSQL server. */
class EmbeddedInfrastructureTest {

    @Test
    void kafkaAcknowledgesWithAcksAllAndDeliversInKeyOrder() throws Exception {
        try (var reader = KafkaTestClient.fromNowOn("test-support.check.v1");
             var producer = new KafkaProducer<>(Map.<String, Object>of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                     new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>("test-support.check.v1", "citizen-1", "m" + i)).get();
            }
            var records = reader.await(5, Duration.ofSeconds(20));
            assertEquals(java.util.List.of("m0", "m1", "m2", "m3", "m4"), records.stream().map(r -> r.value()).toList());
        }
    }

    @Test
    void postgresqlRunsRealSql() throws Exception {
        Map<String, String> datasource = PostgresTestResource.datasource();
        try (var connection = DriverManager.getConnection(datasource.get("quarkus.datasource.jdbc.url"),
                datasource.get("quarkus.datasource.username"), datasource.get("quarkus.datasource.password"));
             var statement = connection.createStatement()) {
            statement.execute("create table if not exists probe (id bigint generated always as identity, body jsonb)");
            statement.execute("insert into probe (body) values ('{\"text\": \"नमस्ते\"}')");
            try (var result = statement.executeQuery("select version(), body->>'text' from probe")) {
                assertTrue(result.next());
                assertTrue(result.getString(1).startsWith("PostgreSQL"), result.getString(1));
                assertEquals("नमस्ते", result.getString(2));
            }
        }
    }
}
