package org.samadhan.analytics.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.samadhan.contracts.Json;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.grievance.GrievanceEvent;
import org.samadhan.testsupport.Latencies;

/**
 * Measurement 3: events published at a steady rate, each stamped with the moment it is sent, and the time until
 * its row is in the projection the review reads (a poll of the table every 10 ms on its own connection, the time
 * taken when the poll that found it returned), beside a plain KafkaConsumer's receipt of the same records. Histories
 * are interleaved (about 50 grievances in progress at once), each grievance's events in order.
 */
final class Freshness {

    record Result(int rate, int seconds, Latencies projected, Latencies kafka, int missing) {
    }

    private final DataSource dataSource;
    private final String bootstrap;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> receivedAt = new ConcurrentHashMap<>();
    private final Map<String, Long> visibleAt = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile boolean floorReady;

    Freshness(DataSource dataSource, String bootstrap) {
        this.dataSource = dataSource;
        this.bootstrap = bootstrap;
    }

    Result run(int rate, int warmUpSeconds, int seconds) throws Exception {
        int warmUp = rate * warmUpSeconds;
        int total = warmUp + rate * seconds;
        List<GrievanceEvent> events = interleaved(total);
        List<String> measured = new ArrayList<>();
        Thread kafka = new Thread(this::consume, "bench-floor-consumer");
        Thread poller = new Thread(this::poll, "bench-projection-poller");
        try (var producer = new GrievanceEvents(bootstrap)) {
            kafka.start();
            while (!floorReady) {
                Thread.sleep(10);
            }
            poller.start();
            long period = TimeUnit.SECONDS.toNanos(1) / rate;
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + i * period;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                GrievanceEvent e = GrievanceEvents.at(events.get(i), Instant.now());
                sentAt.put(e.eventId(), System.nanoTime());
                producer.send(e);
                if (i >= warmUp) {
                    measured.add(e.eventId());
                }
            }
            producer.close();
            Instant deadline = Instant.now().plusSeconds(30);
            while ((visibleAt.size() < total || receivedAt.size() < total) && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
        } finally {
            running = false;
            kafka.join(5_000);
            poller.join(5_000);
        }
        List<Long> projected = new ArrayList<>();
        List<Long> floor = new ArrayList<>();
        int missing = 0;
        for (String id : measured) {
            Long visible = visibleAt.get(id);
            Long received = receivedAt.get(id);
            if (visible == null || received == null) {
                missing++;
                continue;
            }
            projected.add(visible - sentAt.get(id));
            floor.add(received - sentAt.get(id));
        }
        return new Result(rate, seconds, Latencies.of(projected), Latencies.of(floor), missing);
    }

    /** Grievances registered now, about 50 in progress at a time, each one's events in version order. */
    private static List<GrievanceEvent> interleaved(int total) {
        Random random = new Random(50);
        Deque<Iterator<GrievanceEvent>> active = new ArrayDeque<>();
        List<GrievanceEvent> events = new ArrayList<>(total);
        int number = 900_000;
        while (events.size() < total) {
            while (active.size() < 50) {
                List<GrievanceEvent> history = Histories.events(random, Histories.draw(random), ++number,
                        Instant.now(), "cz-" + UUID.randomUUID().toString().replace("-", ""));
                active.add(history.iterator());
            }
            Iterator<GrievanceEvent> next = active.poll();
            events.add(next.next());
            if (next.hasNext()) {
                active.add(next);
            }
        }
        return events;
    }

    private void consume() {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-freshness-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.GRIEVANCE_EVENTS)
                    .forEach(p -> partitions.add(new TopicPartition(Topics.GRIEVANCE_EVENTS, p.partition())));
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // pinned at the end before anything is sent
            floorReady = true;
            while (running) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    receivedAt.put(Json.mapper().readTree(record.value()).get("eventId").asText(), now);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("the floor consumer failed", e);
        }
    }

    private void poll() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select event_id::text from grievance_event where event_id = any(?::uuid[])")) {
            while (running) {
                List<String> pending = new ArrayList<>();
                for (String id : sentAt.keySet()) {
                    if (!visibleAt.containsKey(id)) {
                        pending.add(id);
                    }
                }
                if (!pending.isEmpty()) {
                    s.setArray(1, c.createArrayOf("text", pending.toArray()));
                    List<String> found = new ArrayList<>();
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            found.add(r.getString(1));
                        }
                    }
                    long now = System.nanoTime();
                    found.forEach(id -> visibleAt.put(id, now));
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the projection poller failed", e);
        }
    }
}
