package org.samadhan.grievance.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.samadhan.contracts.Topics;
import org.samadhan.grievance.TestGrievances;

/**
 * Sustained registrations per second, from REGISTER command on Kafka to REGISTER event published by a running
 * grievance-service, beside a floor measured in the same run: the same number of records of the same size taken
 * through a Kafka round trip (produce, then consume) with nothing in between. Run by {@code bench/run.sh}.
 */
public final class RegistrationBenchmark {

    private static final String ROUND_TRIP = "bench.roundtrip.v1";

    public static void main(String[] args) throws Exception {
        String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int warmUp = Math.max(1_000, count / 10);
        createRoundTripTopic(bootstrap);

        System.out.printf("[bench] warm-up: %d registrations%n", warmUp);
        registrations(bootstrap, warmUp);
        double floor = roundTrip(bootstrap, count);
        double service = registrations(bootstrap, count);
        double floorAgain = roundTrip(bootstrap, count);
        System.out.printf("[bench] Kafka round-trip floor: %,.0f records/s (again after: %,.0f)%n", floor, floorAgain);
        System.out.printf("[bench] grievance-service:      %,.0f registrations/s command -> published event%n",
                service);
        System.out.printf("[bench] ratio to the mean floor: %.2f%n", service / ((floor + floorAgain) / 2));
    }

    /** Produces {@code count} REGISTER commands and waits for all their REGISTER events; registrations per second. */
    private static double registrations(String bootstrap, int count) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        return measure(bootstrap, Topics.GRIEVANCE_COMMANDS, Topics.GRIEVANCE_EVENTS, count, i -> {
            String id = UUID.nameUUIDFromBytes((run + i).getBytes()).toString();
            return Map.entry(id, TestGrievances.json(TestGrievances.register(id, "Gurur")));
        }, record -> record.value().contains("\"action\":\"REGISTER\""));
    }

    /** The same sizes through Kafka alone. */
    private static double roundTrip(String bootstrap, int count) throws Exception {
        return measure(bootstrap, ROUND_TRIP, ROUND_TRIP, count, i -> {
            String id = UUID.randomUUID().toString();
            return Map.entry(id, TestGrievances.json(TestGrievances.register(id, "Gurur")));
        }, record -> true);
    }

    private static double measure(String bootstrap, String in, String out, int count,
                                  Function<Integer, Map.Entry<String, String>> records,
                                  java.util.function.Predicate<ConsumerRecord<String, String>> counts)
            throws Exception {
        try (var consumer = consumer(bootstrap, out); var producer = producer(bootstrap)) {
            Set<String> expected = new HashSet<>();
            List<Map.Entry<String, String>> batch = new java.util.ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                var record = records.apply(i);
                batch.add(record);
                expected.add(record.getKey());
            }
            Instant start = Instant.now();
            for (var record : batch) {
                producer.send(new ProducerRecord<>(in, record.getKey(), record.getValue()));
            }
            producer.flush();
            Instant deadline = start.plus(Duration.ofMinutes(10));
            while (!expected.isEmpty()) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(expected.size() + " of " + count + " never arrived on " + out);
                }
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    if (counts.test(record)) {
                        expected.remove(record.key());
                    }
                }
            }
            double seconds = Duration.between(start, Instant.now()).toNanos() / 1e9;
            System.out.printf("[bench] %s -> %s: %,d in %.2f s%n", in, out, count, seconds);
            return count / seconds;
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrap, String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        var consumer = new KafkaConsumer<String, String>(p);
        consumer.subscribe(List.of(topic));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100)); // joined and positioned at the end before anything is sent
        }
        consumer.assignment().forEach(partition -> consumer.position(partition));
        return consumer;
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new KafkaProducer<>(p);
    }

    private static void createRoundTripTopic(String bootstrap) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(ROUND_TRIP, 12, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    private RegistrationBenchmark() {
    }
}
