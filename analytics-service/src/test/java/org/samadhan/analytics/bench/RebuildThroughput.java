package org.samadhan.analytics.bench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.samadhan.analytics.ProjectionRebuild;
import org.samadhan.contracts.Topics;
import org.samadhan.contracts.grievance.GrievanceEvent;

/**
 * Measurement 1: {@link ProjectionRebuild#rebuild()} replaying a topic of realistic histories into the emptied
 * projection, beside a plain KafkaConsumer reading the same records the same way (assigned, from the beginning, up
 * to the end offsets, 2,000 a poll) and doing nothing with them, before and after the rebuild.
 */
final class RebuildThroughput {

    record Result(int events, int grievances, double liveSeconds, double floorBefore, double rebuilt,
                  double rebuildSeconds, double floorAfter) {

        double floor() {
            return (floorBefore + floorAfter) / 2;
        }
    }

    private RebuildThroughput() {
    }

    static Result run(DataSource dataSource, ProjectionRebuild rebuild, String bootstrap, int count)
            throws Exception {
        Random random = new Random(14);
        Instant now = Instant.now();
        List<GrievanceEvent> events = new ArrayList<>(count + 10);
        Set<String> grievances = new HashSet<>();
        for (int n = 1; events.size() < count; n++) {
            Histories.Grievance g = Histories.draw(random);
            // Registered 40 days to two years ago, so every history is complete by now.
            Instant registered = now.minus(Duration.ofMinutes(40L * 24 * 60 + random.nextInt(690 * 24 * 60)));
            List<GrievanceEvent> history = Histories.events(random, g, n, registered,
                    "cz-" + UUID.nameUUIDFromBytes(("citizen-" + random.nextInt(20_000)).getBytes()).toString().replace("-", ""));
            events.addAll(history.subList(0, Math.min(history.size(), count - events.size())));
            grievances.add(history.get(0).grievanceId());
        }
        events.sort(Comparator.comparing(GrievanceEvent::occurredAt)); // the order grievance-service published them
        System.out.printf("[bench] rebuild: producing %,d events of %,d grievances%n", count, grievances.size());

        long produceStart = System.nanoTime();
        try (var producer = new GrievanceEvents(bootstrap)) {
            List<Future<RecordMetadata>> sent = new ArrayList<>(count);
            for (GrievanceEvent e : events) {
                sent.add(producer.send(e));
            }
            for (Future<RecordMetadata> f : sent) {
                f.get();
            }
        }
        events.clear();
        awaitRows(dataSource, count, Duration.ofMinutes(10)); // the live consumer projects them as they come
        double liveSeconds = (System.nanoTime() - produceStart) / 1e9;
        System.out.printf("[bench] rebuild: live consumer projected them in %.1f s; consume-only floor%n",
                liveSeconds);

        double floorBefore = consumeOnly(bootstrap, count);
        ProjectionRebuild.Result result = rebuild.rebuild();
        double floorAfter = consumeOnly(bootstrap, count);
        if (result.grievanceEvents() != count) {
            throw new IllegalStateException("rebuild replayed " + result.grievanceEvents() + " of " + count);
        }
        checkRows(dataSource, count, grievances.size());
        double seconds = result.took().toNanos() / 1e9;
        return new Result(count, grievances.size(), liveSeconds, floorBefore, count / seconds, seconds, floorAfter);
    }

    /** Records per second of a consumer that only reads the topic, configured as the rebuild's own consumer. */
    private static double consumeOnly(String bootstrap, int count) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-floor-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000),
                new StringDeserializer(), new StringDeserializer())) {
            long started = System.nanoTime();
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(Topics.GRIEVANCE_EVENTS)
                    .forEach(p -> partitions.add(new TopicPartition(Topics.GRIEVANCE_EVENTS, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long read = 0;
            long bytes = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    read++;
                    bytes += record.value().length(); // touch every value, as a consumer would
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            if (read != count || bytes == 0) {
                throw new IllegalStateException("the floor read " + read + " of " + count + " records");
            }
            return read / seconds;
        }
    }

    private static void awaitRows(DataSource dataSource, long rows, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        long seen = 0;
        while (Instant.now().isBefore(deadline)) {
            seen = count(dataSource, "select count(*) from grievance_event");
            if (seen >= rows) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the live consumer projected " + seen + " of " + rows + " in " + timeout);
    }

    /** Every event once, and each grievance's latest state open-ended: the rebuild folded whole histories. */
    private static void checkRows(DataSource dataSource, long events, long grievances) throws SQLException {
        long rows = count(dataSource, "select count(*) from grievance_event");
        long distinct = count(dataSource, "select count(distinct grievance_id) from grievance_event");
        long latest = count(dataSource, "select count(*) from grievance_event where valid_to is null");
        if (rows != events || distinct != grievances || latest != grievances) {
            throw new IllegalStateException("after the rebuild: " + rows + " rows of " + events + ", " + distinct
                    + " grievances of " + grievances + ", " + latest + " latest states");
        }
    }

    private static long count(DataSource dataSource, String sql) throws SQLException {
        try (var c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
