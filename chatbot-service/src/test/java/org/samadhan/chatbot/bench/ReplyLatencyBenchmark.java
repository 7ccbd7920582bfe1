package org.samadhan.chatbot.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;

/**
 * In-service latency of a running chatbot-service: from an inbound message's Kafka timestamp (when it was appended to
 * whatsapp.inbound.v1) to its reply's (when the service's relay published it to whatsapp.outbound.v1), so it covers
 * consuming, the conversation, the database transaction and the outbox relay. Virtual citizens each file a complaint
 * and ask its status (4 turns: words, location pin, Submit, "status"), waiting for each reply as a person would.
 * Beside it, the floor: the same broker's own produce-to-consume latency for a record of the same size. Run by
 * {@code bench/run.sh}.
 */
public final class ReplyLatencyBenchmark {

    private static final String FLOOR_TOPIC = Topics.deadLetter(Topics.WHATSAPP_OUTBOUND); // nobody consumes it

    private final String bootstrap = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    private final KafkaProducer<String, String> producer;
    private final Map<String, CompletableFuture<ConsumerRecord<String, String>>> awaited = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    private ReplyLatencyBenchmark() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 0),
                new StringSerializer(), new StringSerializer());
    }

    public static void main(String[] args) throws Exception {
        int citizens = Integer.parseInt(args[0]);
        int concurrency = Integer.parseInt(args[1]);
        ReplyLatencyBenchmark bench = new ReplyLatencyBenchmark();
        Thread listener = bench.listen(Topics.WHATSAPP_OUTBOUND, FLOOR_TOPIC);
        List<Long> floor = bench.floor(400);
        long started = System.nanoTime();
        List<Long> turns = bench.conversations(citizens, concurrency);
        double seconds = (System.nanoTime() - started) / 1e9;
        bench.running = false;
        listener.join();
        bench.producer.close();
        System.out.printf("[bench] %d citizens, %d at a time, %d turns in %.1f s (%.0f turns/s)%n", citizens,
                concurrency, turns.size(), seconds, turns.size() / seconds);
        System.out.println("[bench] reply latency (inbound appended -> reply appended): " + summary(turns));
        System.out.println("[bench] floor (the broker's own produce -> consume):      " + summary(floor));
        System.out.printf("[bench] ratio p99 reply / p99 floor: %.1f%n",
                (double) percentile(turns, 99) / Math.max(1, percentile(floor, 99)));
    }

    /** Each virtual citizen files a complaint and asks its status; returns every turn's latency in ms. */
    private List<Long> conversations(int citizens, int concurrency) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        String run = String.format("%04d", (int) (Math.random() * 10_000));
        for (int i = 0; i < citizens; i++) {
            String waId = "9195" + run + String.format("%04d", i);
            pool.submit(() -> {
                try {
                    latencies.add(turn(waId, text("hamare gaon me handpump 5 din se kharab hai, paani nahi")).latency);
                    Turn review = turn(waId, location());
                    latencies.add(review.latency);
                    latencies.add(turn(waId, tap(review.firstButton())).latency);
                    latencies.add(turn(waId, text("status")).latency);
                } catch (Exception e) {
                    System.err.println("[bench] citizen " + waId + " failed: " + e);
                }
                return null;
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException("conversations did not finish");
        }
        return latencies;
    }

    private record Turn(long latency, JsonNode reply) {
        String firstButton() {
            return reply.path("content").path("buttons").path(0).path("id").asText();
        }
    }

    private Turn turn(String waId, String content) throws Exception {
        String messageId = "wamid.BENCH." + UUID.randomUUID();
        String inbound = """
                {"eventId":"%s","eventType":"org.samadhan.whatsapp.message.received.v1","occurredAt":"%s",
                 "receivedAt":"%s","districtCode":"BLD","messageId":"%s","citizenId":"%s","waId":"%s",
                 "phoneNumberId":"106540352242922",%s}""".formatted(UUID.randomUUID(), Instant.now(), Instant.now(),
                messageId, waId, waId, content);
        var reply = new CompletableFuture<ConsumerRecord<String, String>>();
        awaited.put("reply:" + messageId + ":1", reply);
        RecordMetadata sent = producer.send(new ProducerRecord<>(Topics.WHATSAPP_INBOUND, waId, inbound)).get();
        ConsumerRecord<String, String> answer = reply.get(30, TimeUnit.SECONDS);
        return new Turn(answer.timestamp() - sent.timestamp(), Json.mapper().readTree(answer.value()));
    }

    private static String text(String body) {
        return "\"type\":\"text\",\"text\":{\"body\":\"" + body + "\"}";
    }

    private static String location() {
        return "\"type\":\"location\",\"location\":{\"latitude\":20.7312,\"longitude\":81.2049}";
    }

    private static String tap(String id) {
        return "\"type\":\"interactive\",\"interactive\":{\"kind\":\"button_reply\",\"replyId\":\"" + id
                + "\",\"title\":\"Submit\"}";
    }

    /** The broker's own latency: records of a reply's size, produced and consumed one at a time. */
    private List<Long> floor(int count) throws Exception {
        List<Long> latencies = new ArrayList<>();
        String payload = "x".repeat(900);
        for (int i = 0; i < count; i++) {
            String key = "floor:" + UUID.randomUUID();
            var received = new CompletableFuture<ConsumerRecord<String, String>>();
            awaited.put(key, received);
            RecordMetadata sent = producer.send(new ProducerRecord<>(FLOOR_TOPIC, key, payload)).get();
            received.get(30, TimeUnit.SECONDS);
            latencies.add(receivedAt.remove(key) - sent.timestamp());
        }
        return latencies;
    }

    private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();

    private Thread listen(String... topics) throws InterruptedException {
        var ready = new CompletableFuture<Void>();
        Thread thread = new Thread(() -> {
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of(topics));
                while (consumer.assignment().isEmpty()) {
                    consumer.poll(Duration.ofMillis(100));
                }
                consumer.assignment().forEach(consumer::position);
                ready.complete(null);
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(20))) {
                        String id = record.topic().equals(FLOOR_TOPIC) ? record.key() : outboundId(record.value());
                        var waiting = awaited.remove(id);
                        if (waiting != null) {
                            receivedAt.put(id, System.currentTimeMillis());
                            waiting.complete(record);
                        }
                    }
                }
            }
        }, "bench-listener");
        thread.start();
        ready.join();
        return thread;
    }

    private static String outboundId(String json) {
        try {
            return Json.mapper().readTree(json).path("outboundId").asText();
        } catch (Exception e) {
            return "";
        }
    }

    private static String summary(List<Long> ms) {
        return String.format("p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (n=%d)", percentile(ms, 50),
                percentile(ms, 95), percentile(ms, 99), percentile(ms, 100), ms.size());
    }

    private static long percentile(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
