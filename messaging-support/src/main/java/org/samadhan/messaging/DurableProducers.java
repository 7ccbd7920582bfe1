package org.samadhan.messaging;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The one way services create a Kafka producer for events that matter: acks from all in-sync replicas, idempotent
 * (no duplicates from the producer's own retries, order kept per partition), and bounded in time so that a Kafka
 * outage becomes a visible failure rather than a hang.
 */
public final class DurableProducers {

    private DurableProducers() {
    }

    /**
     * Producer configuration from the service's Kafka settings (Quarkus' {@code default-kafka-broker} map: every
     * {@code kafka.*} property) with the durability settings enforced.
     *
     * @param ackTimeout how long a send may take from {@code send()} to acknowledgement, retries included
     */
    public static Map<String, Object> config(Map<String, Object> kafka, String clientId, Duration ackTimeout) {
        Map<String, Object> props = new HashMap<>();
        kafka.forEach((name, value) -> {
            if (ProducerConfig.configNames().contains(name)) {
                props.put(name, value);
            }
        });
        int timeoutMs = (int) ackTimeout.toMillis();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 1);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000);
        props.put(ProducerConfig.METADATA_MAX_IDLE_CONFIG, (int) Duration.ofDays(1).toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.max(1000, timeoutMs / 2));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs + 1000);
        return props;
    }

    /** A producer of JSON (bytes) records keyed by a string (citizen id, grievance id). */
    public static KafkaProducer<String, byte[]> create(Map<String, Object> config) {
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** A producer whose keys are bytes as well: the outbox relay's, which sends dead letters' keys as consumed. */
    public static KafkaProducer<byte[], byte[]> createRaw(Map<String, Object> config) {
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
