package org.samadhan.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reads what services wrote to the test broker, the way an integrator's consumer would. */
public final class KafkaTestClient implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private Set<String> keys;

    private KafkaTestClient(KafkaConsumer<String, String> consumer) {
        this.consumer = consumer;
    }

    /**
     * From now on sees only records with these keys (a test's own grievances), so background work of the
     * service under test, such as a deadline watch over other tests' rows, cannot disturb its counts.
     */
    public KafkaTestClient onlyKeys(Collection<String> wanted) {
        this.keys = Set.copyOf(wanted);
        return this;
    }

    /** {@link #onlyKeys(Collection)} for one or a few keys. */
    public KafkaTestClient onlyKeys(String... wanted) {
        return onlyKeys(List.of(wanted));
    }

    /** A consumer of the topics that starts at their current end, so it sees only what happens next. */
    public static KafkaTestClient fromNowOn(String... topics) {
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topics));
        var client = new KafkaTestClient(consumer);
        client.awaitAssignment();
        return client;
    }

    /** Writes records to the test broker as another service would (acks=all), waiting for the acknowledgement. */
    public static void produce(String topic, Map<String, String> valuesByKey) {
        produce(topic, List.copyOf(valuesByKey.entrySet()));
    }

    /** Writes (key, value) records in this order, several per key if need be, waiting for the acknowledgements. */
    public static void produce(String topic, List<Map.Entry<String, String>> records) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestResource.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            // All sent before any is awaited: the producer batches them, as a service's producer would.
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (var entry : records) {
                sent.add(producer.send(new ProducerRecord<>(topic, entry.getKey(), entry.getValue())));
            }
            for (Future<RecordMetadata> one : sent) {
                one.get();
            }
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException("Could not produce to " + topic, e);
        }
    }

    /** Waits until {@code count} records arrived (across the topics) and returns them; fails after the timeout. */
    public List<ConsumerRecord<String, String>> await(int count, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (records.size() < count && Instant.now().isBefore(deadline)) {
            pollInto(records, Duration.ofMillis(100));
        }
        if (records.size() < count) {
            throw new AssertionError("Expected " + count + " records within " + timeout + " but got " + records.size());
        }
        return records;
    }

    /** What one poll returns (possibly nothing), for callers that wait for something of their own. */
    public List<ConsumerRecord<String, String>> poll(Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        pollInto(records, timeout);
        return records;
    }

    /** Everything that arrives within the window: to prove that nothing (more) was published. */
    public List<ConsumerRecord<String, String>> drain(Duration window) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(window);
        while (Instant.now().isBefore(deadline)) {
            pollInto(records, Duration.ofMillis(100));
        }
        return records;
    }

    private void pollInto(List<ConsumerRecord<String, String>> records, Duration timeout) {
        for (var record : consumer.poll(timeout)) {
            if (keys == null || keys.contains(record.key())) {
                records.add(record);
            }
        }
    }

    private void awaitAssignment() {
        Instant deadline = Instant.now().plusSeconds(30);
        while (consumer.assignment().isEmpty() && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(100));
        }
        if (consumer.assignment().isEmpty()) {
            throw new AssertionError("No partitions were assigned to the test consumer within 30 s");
        }
        // Pin the start position now, so records produced after this call are never skipped by "latest".
        consumer.assignment().forEach(partition -> consumer.position(partition));
        consumer.commitSync();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
